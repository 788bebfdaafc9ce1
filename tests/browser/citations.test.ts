/**
 * Citations carry everything on the page itself, in real Chromium: locators
 * in the marker and beside the back-link with JavaScript off and in print,
 * groups in ascending order, Wikipedia-style back-links with the one the
 * reader came from marked, and quoted sources linked to the passage by a
 * text fragment that really lands on it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { watchContext, type Watch } from '../helpers/page-watch.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { siteInBrowser } from '../helpers/browser-site.ts';

const ARTICLE = '/explainers/red-lines/';
const QUOTE = 'Peacetime ceiling: 800,000 - not 600,000, as in the U.S. draft & its annex.';

describe.skipIf(browserUnavailable())('citations on the page itself', { timeout: 30_000 }, () => {
  let watch: Watch | undefined;
  const site = siteInBrowser('site-citations', { prepare: async (outDir) => {
    // A stand-in for the quoted source's page, far down a long page, to follow the text fragment to.
    const filler = '<p>Background that quotes nothing.</p>'.repeat(150);
    await writeFile(join(outDir, 'quoted-source.html'), `<!doctype html><meta charset="utf-8"><title>Source</title>${filler}<p id="passage">Article 4 reads: ${QUOTE.replace('&', '&amp;')} Talks go on.</p>${filler}`);
  } });

  /** Marker texts, with the no-break space between a number and its locator shown as a space. */
  const markerTexts = (page: Page) => page.$$eval('.prose sup.cite', (sups) => sups.map((s) => s.textContent!.replace(/\u00a0/g, ' ')));
  const backlinkText = (page: Page, id: string) => page.$eval(`#source-${id} .source__backlinks`, (p) => p.textContent!.replace(/\s+/g, ' ').trim());
  /** Is the element rendered, with a box, in the current media? */
  const shown = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const box = el.getBoundingClientRect();
      return getComputedStyle(el).visibility !== 'hidden' && box.width > 0 && box.height > 0;
    });

  it('shows locators in the marker and beside the matching back-link, with JavaScript off and in print', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      expect((await markerTexts(page))[0], media).toBe('[1, p. 4]');
      expect(await shown(page, '.prose sup.cite .cite-locator'), media).toBe(true);
      expect(await backlinkText(page, 'e3-text'), media).toBe('^ a (p. 4) b c (annex 2) d (p. 4)');
      expect(await shown(page, '#source-e3-text .source__locator'), media).toBe(true);
    }
    // Print shows the source's plain address (not the quote link) and drops the site's navigation.
    expect(await page.$eval('#source-e3-text .source__link', (a) => getComputedStyle(a, '::after').content)).toBe('" <https://docs.example.test/e3-counter-proposal>"');
    expect(await shown(page, '.site-header')).toBe(false);
    await context.close();
  });

  it('lists the numbers of a group in ascending order', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url + ARTICLE);
    // Written [@us-draft; @e3-text] and [@wire; @analysis, ch. 3].
    expect(await markerTexts(page)).toEqual(['[1, p. 4]', '[2, art. 6]', '[1, 2]', '[3]', '[3, ch. 3; 4]', '[1, annex 2]', '[2]', '[2, art. 6]', '[1, p. 4]']);
    const groups = await page.$$eval('.prose sup.cite', (sups) => sups.map((s) => [...s.querySelectorAll('a.cite-link')].map((a) => Number(a.textContent))));
    for (const numbers of groups) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await page.close();
  });

  it('sets back-links as ^ a b c, and marks the one the reader came from after a jump', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1000, height: 700 } });
    watch = await watchContext(context);
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    expect(await backlinkText(page, 'us-draft')).toBe('^ a (art. 6) b c d (art. 6)');
    expect(await backlinkText(page, 'wire')).toBe('^');
    // From the third citation of source 1 (a list item), through its card, to the Sources list.
    await page.click('#cite-e3-text-3');
    await page.waitForFunction(() => document.querySelector('#source-card')?.matches(':popover-open'));
    await page.click('#source-card >> text=Full entry in Sources');
    await page.waitForURL(/#back-e3-text-3$/);
    const marks = await page.$$eval('#source-e3-text .source__backlink', (links) =>
      links.map((a) => ({ letter: a.textContent, target: a.matches(':target'), weight: getComputedStyle(a).fontWeight, background: getComputedStyle(a).backgroundColor })),
    );
    expect(marks.map((m) => [m.letter, m.target])).toEqual([['a', false], ['b', false], ['c', true], ['d', false]]);
    // Marked so a reader sees it: bold on a highlight, unlike its neighbours.
    expect(marks[2]!.weight).toBe('700');
    expect(marks[2]!.background).not.toBe(marks[0]!.background);
    // The whole entry is in view, not only its last line.
    const entry = (await page.locator('#source-e3-text').boundingBox())!;
    expect(entry.y).toBeGreaterThanOrEqual(0);
    expect(entry.y + entry.height).toBeLessThanOrEqual(700);
    // And the letter leads back to the very citation, marked in turn.
    await page.click('#back-e3-text-3');
    await page.waitForURL(/#cite-e3-text-3$/);
    expect(await page.$eval('#cite-e3-text-3', (a) => getComputedStyle(a).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });

  it('links a quoted source to the passage with a correctly encoded text fragment, which lands on it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(site.url + ARTICLE);
    const href = await page.getAttribute('#source-e3-text .source__link', 'href');
    // `-`, `&`, `,`, `:` and spaces are percent-encoded; the one bare comma separates start and end.
    expect(href).toBe('https://docs.example.test/e3-counter-proposal#:~:text=Peacetime%20ceiling%3A%20800%2C000%20%2D%20not,U.S.%20draft%20%26%20its%20annex.');
    // A quote with a gap (…) links its two ends; a source with no quote keeps its own address.
    expect(await page.getAttribute('#source-analysis .source__link', 'href')).toBe('https://think.example.test/stall#:~:text=The%20talks%20are%20stalling,until%20the%20ceiling%20is%20settled.');
    expect(await page.getAttribute('#source-us-draft .source__link', 'href')).toBe('https://docs.example.test/us-framework#text');
    // The card's "Open source" link is the same.
    await page.hover('#cite-e3-text-1');
    await page.waitForFunction(() => document.querySelector('#source-card')?.matches(':popover-open'));
    expect(await page.getAttribute('#source-card >> text=Open source', 'href')).toBe(href);
    // Chromium follows the fragment to the sentence on a real page.
    await page.goto(`${site.url}/quoted-source.html${new URL(href!).hash}`);
    await page.waitForFunction(() => {
      const box = document.getElementById('passage')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await page.close();
  });

  it('logged no console error and no CSP violation', () => {
    expect(watch).toEqual({ errors: [], csp: [] });
  });
});
