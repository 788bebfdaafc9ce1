/**
 * Source cards in real Chromium: hover, keyboard and touch open the right
 * source; Escape and outside taps close and give focus back; without
 * JavaScript the marker is still a working link; nothing shifts, nothing
 * logs an error, nothing violates the CSP.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { watchContext, type Watch } from '../helpers/page-watch.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const ARTICLE = '/explainers/alpha-deal/';
const CARD = '#source-card';
const marker = (n: number) => `a.cite-link >> nth=${n - 1}`;

describe.skipIf(browserUnavailable())('source cards', { timeout: 20_000 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let watch: Watch;

  beforeAll(async () => {
    const build = await buildSite(fixture('site-reader'), { LINKROT_STATE: fixture('site-reader', 'linkrot-state.json') });
    expect(build.ok, build.output).toBe(true);
    server = await serveDir(build.outDir);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    watch = await watchContext(context);
    // Sum of layout shifts since load, as Core Web Vitals counts them.
    await context.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = ARTICLE): Promise<Page> {
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  }
  const cardOpen = (page: Page) => page.evaluate((sel) => document.querySelector(sel)?.matches(':popover-open') ?? false, CARD);
  const waitOpen = (page: Page) => page.waitForFunction((sel) => document.querySelector(sel)?.matches(':popover-open'), CARD, { timeout: 3000 });
  const waitClosed = (page: Page) => page.waitForFunction((sel) => !document.querySelector(sel)?.matches(':popover-open'), CARD, { timeout: 3000 });
  const cardText = (page: Page, part: string) => page.locator(`${CARD} .source-card__${part}`).allTextContents();
  const cardLinks = (page: Page) =>
    page.$$eval(`${CARD} a`, (links) => links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
  const activeInfo = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, inCard: !!document.activeElement?.closest('#source-card') }));

  it('opens on hover with the full details of source 1, including its locator and health', async () => {
    const page = await open();
    await page.hover(marker(1));
    await waitOpen(page);
    expect(await cardText(page, 'kicker')).toEqual(['Source 1 · Primary document']);
    expect(await cardText(page, 'title')).toEqual(['Draft framework text']);
    expect(await cardText(page, 'meta')).toEqual(['Office of the Envoy · Example Government · 18 November 2025']);
    expect(await cardText(page, 'locator')).toEqual(['Cited at p. 4']);
    expect(await cardText(page, 'quote')).toEqual(['“Troops shall not exceed 600,000.”']);
    expect(await cardText(page, 'health')).toEqual(['Original no longer available (checked 2 December 2025). Read the archived copy.']);
    expect(await cardLinks(page)).toEqual([
      // The source has a quote: the link goes to the quoted passage (a text fragment).
      ['Open source', 'https://docs.example.test/framework.pdf#:~:text=Troops%20shall%20not%20exceed%20600%2C000.', 'noopener noreferrer'],
      ['Archived copy', 'https://archive.example.test/framework.pdf', 'noopener noreferrer'],
      // The entry's back-link to this very marker, so the Sources list can mark where the reader came from.
      ['Full entry in Sources', '#back-draft-text-1', null],
    ]);
    // ARIA: the marker says it controls an open dialog named by the card's title.
    expect(await page.getAttribute(marker(1), 'aria-expanded')).toBe('true');
    expect(await page.getAttribute(marker(1), 'aria-haspopup')).toBe('dialog');
    expect(await page.getAttribute(marker(1), 'aria-controls')).toBe('source-card');
    expect(await page.getAttribute(CARD, 'role')).toBe('dialog');
    expect(await page.evaluate((sel) => document.getElementById(document.querySelector(sel)!.getAttribute('aria-labelledby')!)?.textContent, CARD)).toBe('Draft framework text');
    // The card sits next to its marker (below it, or above when the window has no room below), inside the viewport.
    const [m, c] = await Promise.all([page.locator(marker(1)).boundingBox(), page.locator(CARD).boundingBox()]);
    const gap = c!.y > m!.y ? c!.y - (m!.y + m!.height) : m!.y - (c!.y + c!.height);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(20);
    expect(c!.y).toBeGreaterThanOrEqual(0);
    expect(c!.y + c!.height).toBeLessThanOrEqual(800);
    expect(c!.x).toBeGreaterThanOrEqual(0);
    expect(c!.x + c!.width).toBeLessThanOrEqual(1000);
    // Moving the pointer away closes it.
    await page.mouse.move(5, 790);
    await waitClosed(page);
    expect(await page.getAttribute(marker(1), 'aria-expanded')).toBe('false');
    await page.close();
  });

  it('shows the right source for the last marker number and for a repeated marker with another locator', async () => {
    const page = await open();
    const numbers = await page.$$eval('a.cite-link', (links) => links.map((a) => a.textContent));
    expect(numbers).toEqual(['1', '2', '3', '4', '1']);
    await page.hover(marker(4));
    await waitOpen(page);
    expect(await cardText(page, 'kicker')).toEqual(['Source 4 · Official']);
    expect(await cardText(page, 'title')).toEqual(['Ministry statement on the draft']);
    expect(await cardText(page, 'locator')).toEqual([]);
    // A timeout in the link check is not news for readers.
    expect(await cardText(page, 'health')).toEqual([]);
    await page.hover(marker(5));
    await page.waitForFunction(() => document.querySelector('#source-card .source-card__locator')?.textContent === 'Cited at annex 2');
    expect(await cardText(page, 'title')).toEqual(['Draft framework text']);
    expect(await page.getAttribute(marker(4), 'aria-expanded')).toBe('false');
    await page.close();
  });

  it('opens on keyboard focus, Enter moves into it, Escape closes it and returns focus', async () => {
    const page = await open();
    for (let i = 0; i < 40 && (await activeInfo(page)).id !== 'cite-draft-text-1'; i++) await page.keyboard.press('Tab');
    expect((await activeInfo(page)).id).toBe('cite-draft-text-1');
    await waitOpen(page);
    expect(await cardText(page, 'title')).toEqual(['Draft framework text']);
    // Escape from the marker closes the preview; focus stays put.
    await page.keyboard.press('Escape');
    await waitClosed(page);
    expect((await activeInfo(page)).id).toBe('cite-draft-text-1');
    // Enter opens it and moves focus into the dialog; Tab walks its controls.
    await page.keyboard.press('Enter');
    await waitOpen(page);
    expect((await activeInfo(page)).inCard).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open source');
    await page.keyboard.press('Escape');
    await waitClosed(page);
    expect(await activeInfo(page)).toEqual({ id: 'cite-draft-text-1', inCard: false });
    expect(await page.getAttribute(marker(1), 'aria-expanded')).toBe('false');
    // Enter did not follow the link: the reader has not lost their place.
    expect(new URL(page.url()).hash).toBe('');
    // Tabbing through the card reaches the next marker, whose card replaces it...
    await page.keyboard.press('Enter');
    await waitOpen(page);
    for (let i = 0; i < 6 && !(await activeInfo(page)).id?.startsWith('cite-wire'); i++) await page.keyboard.press('Tab');
    expect((await activeInfo(page)).id).toBe('cite-wire-story-1');
    expect(await cardText(page, 'title')).toEqual(['Allies react to the draft']);
    expect(await page.getAttribute(marker(1), 'aria-expanded')).toBe('false');
    // ...and tabbing past the last marker's card to other content closes it.
    for (let i = 0; i < 40 && (await page.evaluate(() => !!document.activeElement?.closest('#source-card, .cite-link'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('What the labels mean');
    expect(await cardOpen(page)).toBe(false);
    await page.close();
  });

  it('opens on tap on a touch screen and closes on a tap outside, without navigating', async () => {
    const touch = await browser.newContext({ viewport: { width: 390, height: 780 }, hasTouch: true, isMobile: true });
    const touchWatch = await watchContext(touch);
    const page = await touch.newPage();
    await page.goto(server.url + ARTICLE);
    await page.tap(marker(2));
    await waitOpen(page);
    expect(await cardText(page, 'title')).toEqual(['Allies react to the draft']);
    expect(await cardText(page, 'meta')).toEqual(['Jane Roe · Example Wire · 19 November 2025']);
    expect(await cardText(page, 'health')).toEqual(['May have changed since cited (checked 1 December 2025).']);
    expect(new URL(page.url()).hash).toBe('');
    const box = (await page.locator(CARD).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.tap('h1');
    await waitClosed(page);
    // Tap again, then the close button.
    await page.tap(marker(3));
    await waitOpen(page);
    await page.tap(`${CARD} .source-card__close`);
    await waitClosed(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-think-piece-1');
    expect(touchWatch).toEqual({ errors: [], csp: [] });
    await touch.close();
  });

  it('"Full entry in Sources" goes to the entry and closes the card', async () => {
    const page = await open();
    await page.click(marker(2));
    await waitOpen(page);
    await page.click(`${CARD} >> text=Full entry in Sources`);
    await waitClosed(page);
    expect(new URL(page.url()).hash).toBe('#back-wire-story-1');
    expect(await page.evaluate(() => document.querySelector(':target')?.closest('li')?.id)).toBe('source-wire-story');
    await page.close();
  });

  it('causes no layout shift while loading or while cards open and close', async () => {
    const page = await open();
    for (const n of [1, 2, 3, 4, 5]) {
      await page.hover(marker(n));
      await waitOpen(page);
    }
    await page.keyboard.press('Escape');
    await waitClosed(page);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    await page.close();
  });

  it('keeps the marker a plain link to the Sources entry without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await noJs.newPage();
    await page.goto(server.url + ARTICLE);
    await page.click(marker(3));
    await page.waitForURL(/#source-think-piece$/);
    const entry = (await page.locator('#source-think-piece').boundingBox())!;
    expect(entry.y).toBeGreaterThanOrEqual(0);
    expect(entry.y).toBeLessThan(800);
    expect(await page.$(CARD)).toBeNull();
    // The entry links back to the citation.
    await page.click('#source-think-piece a[href="#cite-think-piece-1"]');
    await page.waitForURL(/#cite-think-piece-1$/);
    await noJs.close();
  });

  it('logged no console error and no CSP violation on any of these pages', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.csp).toEqual([]);
  });
});
