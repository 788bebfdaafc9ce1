/**
 * Search as readers use it: the fixture site built once, served on 127.0.0.1
 * and driven in headless Chromium (Debian's, never downloaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { siteInBrowser } from '../helpers/browser-site.ts';

const unavailable = browserUnavailable();

// Each test opens its own browser context and loads Pagefind's WebAssembly: seconds on a busy 2-core machine.
describe.skipIf(unavailable)('search in a real browser', { timeout: 60_000 }, () => {
  const site = siteInBrowser('site-search');

  /** A fresh page that records console errors, page errors and requests. */
  async function open(path: string, options: BrowserContextOptions = {}) {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}${path}`);
    return { page, errors, requests, close: () => context.close() };
  }

  /** Wait until the status line reports a finished search. */
  const settled = (page: Page) =>
    page.waitForFunction(() => /match|No explainers/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  const paths = (page: Page) =>
    page.locator('.search-result__title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const status = (page: Page) => page.locator('#search-status').textContent();

  it('runs the search in ?q= on load and ranks the only article with a phrase first', async () => {
    const { page, close } = await open('/search/?q=quadrilateral+lighthouse+clause');
    await settled(page);
    expect((await paths(page))[0]).toBe('/explainers/lighthouse-clause/');
    expect(await page.locator('#search-q').inputValue()).toBe('quadrilateral lighthouse clause');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__summary').textContent()).toBe('A short clause on navigation lights decides who inspects ships in the strait.');
    expect(await first.locator('time').getAttribute('datetime')).toBe('2025-06-12');
    // The phrase is one highlight, without the punctuation around it.
    expect(await first.locator('mark').allTextContents()).toEqual(['quadrilateral lighthouse clause']);
    await close();
  });

  it('shows the matching sentence whole, or cut at a word with an ellipsis, and highlights words without punctuation', async () => {
    const { page, close } = await open('/search/?q=quadrilateral+lighthouse+clause');
    await settled(page);
    const excerpt = page.locator('.search-result').first().locator('.search-result__excerpt');
    expect(await excerpt.textContent()).toBe('The accord’s so-called quadrilateral lighthouse clause gives four coastal states a shared right to inspect vessels.');
    for (const result of await page.locator('.search-result__excerpt').all()) {
      const words = (await result.textContent()) ?? '';
      // Starts at a sentence or after “… ”; ends a sentence or before “ …”; never runs a heading into the text.
      expect(words, words).toMatch(/^(?:… |\p{Lu}|[“‘(\d])/u);
      expect(words, words).toMatch(/(?:[.!?…]["”’)]*| …)$/u);
      expect(words, words).not.toContain('Why the clause matters');
    }
    const marks = await page.locator('.search-result mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark, mark).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u);
    await close();
  });

  it('finds the articles citing a publisher, typed into the box and submitted with Enter', async () => {
    const { page, close } = await open('/search/');
    await page.locator('#search-q').fill('Meridian Ledger');
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => paths(page)).toEqual(expect.arrayContaining(['/explainers/grain-corridor/', '/explainers/snapback-sanctions/']));
    expect((await paths(page)).sort()).toEqual(['/explainers/grain-corridor/', '/explainers/snapback-sanctions/']);
    expect(await status(page)).toBe('2 explainers match “Meridian Ledger”.');
    expect(new URL(page.url()).search).toBe('?q=Meridian+Ledger');
    expect(await page.locator('.search-result').first().locator('.search-result__region--sources').count()).toBe(1);
    expect(await page.locator('.search-result').first().locator('.search-result__where').textContent()).toMatch(/^Found in .*the sources\.$/);
    // A second search is a new history entry; Back restores the first one.
    await page.locator('#search-q').fill('snapback');
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => paths(page)).toEqual(['/explainers/snapback-sanctions/']);
    await page.goBack();
    await expect.poll(() => page.locator('#search-q').inputValue()).toBe('Meridian Ledger');
    await expect.poll(() => paths(page).then((p) => p.length)).toBe(2);
    await close();
  });

  it('shows ten results at a time and moves focus to the next ones on “Show more”', async () => {
    const { page, close } = await open('/search/?q=harbour');
    await settled(page);
    expect(await status(page)).toBe('11 explainers match “harbour”.');
    expect(await paths(page)).toHaveLength(10);
    const more = page.locator('#search-more');
    expect(await more.textContent()).toBe('Show more results (10 of 11 shown)');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => paths(page).then((p) => p.length)).toBe(11);
    expect(await more.isHidden()).toBe(true);
    const focused = await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10]);
    expect(focused).toBe(true);
    await close();
  });

  it('finds an article by the title of a source it cites', async () => {
    const { page, close } = await open('/search/?q=Baltic+Pilotage+Register');
    await settled(page);
    expect(await paths(page)).toEqual(['/explainers/lighthouse-clause/']);
    await close();
  });

  it('narrows results with a topic filter, and the filtered URL can be shared', async () => {
    const { page, close } = await open('/search/?q=ceasefire');
    await settled(page);
    expect(await paths(page)).toHaveLength(4);
    const ukraine = page.getByRole('checkbox', { name: /^Ukraine/ });
    expect(await page.locator('label', { has: page.locator('[data-value="Ukraine"]') }).textContent()).toBe('Ukraine (2)');
    await ukraine.check();
    await expect.poll(() => paths(page).then((p) => p.sort())).toEqual(['/explainers/ceasefire-lines/', '/explainers/grain-corridor/']);
    await expect.poll(() => status(page)).toBe('2 explainers match “ceasefire” (Topic: Ukraine).');
    expect(new URL(page.url()).search).toBe('?q=ceasefire&topic=Ukraine');
    await page.goto(page.url());
    await settled(page);
    expect(await page.getByRole('checkbox', { name: /^Ukraine/ }).isChecked()).toBe(true);
    expect(await paths(page)).toHaveLength(2);
    await close();
  });

  it('counts each filter’s values within the words and the other filters in use', async () => {
    const { page, close } = await open('/search/?q=ceasefire&topic=Ukraine&year=2025');
    await settled(page);
    expect(await paths(page)).toEqual(['/explainers/grain-corridor/']);
    const count = (key: string, value: string) => page.locator(`.search-filter__count[data-filter="${key}"][data-value="${value}"]`).textContent();
    // Topics within year 2025 (not narrowed by the ticked topic: ticking another topic adds to the results).
    expect([await count('topic', 'Ukraine'), await count('topic', 'Shipping'), await count('topic', 'Iran')]).toEqual(['(1)', '(1)', '(0)']);
    // Years within topic Ukraine.
    expect([await count('year', '2025'), await count('year', '2024')]).toEqual(['(1)', '(1)']);
    // A filter with nothing ticked counts the results on screen.
    expect([await count('publisher', 'Meridian Ledger'), await count('publisher', 'Arms Control Association')]).toEqual(['(1)', '(0)']);
    await page.getByRole('checkbox', { name: /^2025/ }).uncheck();
    await expect.poll(() => count('topic', 'Iran')).toBe('(1)');
    expect(await count('topic', 'Ukraine')).toBe('(2)');
    await close();
  });

  it('lists articles by filter alone, without words', async () => {
    const { page, close } = await open('/search/?topic=Iran');
    await settled(page);
    expect(await paths(page)).toEqual(['/explainers/snapback-sanctions/']);
    expect(await status(page)).toBe('1 explainer matches the filters Topic: Iran.');
    await close();
  });

  it('folds the filters on a narrow screen unless one is in use', async () => {
    const phone = { viewport: { width: 375, height: 700 } };
    const plain = await open('/search/?q=harbour', phone);
    await settled(plain.page);
    expect(await plain.page.locator('#search-filters-box').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await plain.close();
    const filtered = await open('/search/?q=harbour&year=2023', phone);
    await settled(filtered.page);
    expect(await filtered.page.locator('#search-filters-box').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await filtered.close();
  });

  it('sorts by date when asked', async () => {
    const { page, close } = await open('/search/?q=ceasefire&sort=newest');
    await settled(page);
    expect(await paths(page)).toEqual([
      '/explainers/lighthouse-clause/',
      '/explainers/grain-corridor/',
      '/explainers/ceasefire-lines/',
      '/explainers/snapback-sanctions/',
    ]);
    await page.locator('#search-sort').selectOption('oldest');
    await expect.poll(() => paths(page).then((p) => p[0])).toBe('/explainers/snapback-sanctions/');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('oldest');
    await close();
  });

  it('says when a match comes from the Analysis block, with its own excerpt', async () => {
    const { page, close } = await open('/search/?q=pendulum+diplomacy');
    await settled(page);
    expect(await paths(page)).toEqual(['/explainers/snapback-sanctions/']);
    const result = page.locator('.search-result').first();
    // "diplomacy" is also in a cited source's title; "pendulum" only in the analysis.
    expect(await result.locator('.search-result__region').allTextContents()).toEqual(['our analysis', 'the sources']);
    expect(await result.locator('.search-result__where').textContent()).toBe('Found in our analysis and the sources.');
    // Plain words, not something that looks pressable: no border, no background.
    const look = await result.locator('.search-result__region').first().evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).backgroundColor]);
    expect(look).toEqual(['none', 'rgba(0, 0, 0, 0)']);
    expect(await result.locator('.search-result__analysis mark').allTextContents()).toEqual(['pendulum diplomacy']);
    await close();
  });

  it('is usable from the keyboard: header box, Enter, Escape, visible focus', async () => {
    const { page, close } = await open('/explainers/grain-corridor/');
    // Skip link, site name, the nav links, then the search box.
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'site-search-q'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('snapback');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=snapback$/);
    await settled(page);
    expect(await paths(page)).toContain('/explainers/snapback-sanctions/');
    await page.locator('#search-q').focus();
    const outline = await page.locator('#search-q').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-q').inputValue()).toBe('');
    await expect.poll(() => status(page)).toMatch(/^Type a name/);
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    await close();
  });

  it('announces result counts in a polite live region with labelled controls', async () => {
    const { page, close } = await open('/search/?q=ceasefire');
    await settled(page);
    const live = page.locator('#search-status');
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    // One search box on /search/: the header's is left out there.
    expect(await page.getByRole('searchbox', { name: 'Search explainers', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Order' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Topic' }).count()).toBe(1);
    await close();
  });

  it('has no serious accessibility violations with results and filters shown (axe-core)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await open('/search/?q=ceasefire&topic=Ukraine', { colorScheme });
      await settled(page);
      await page.evaluate(axe.source);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await close();
    }
  });

  it('logs no console errors on the search page or an article page', async () => {
    const search = await open('/search/?q=ceasefire&topic=Ukraine');
    await settled(search.page);
    expect(search.errors).toEqual([]);
    await search.close();
    const article = await open('/explainers/snapback-sanctions/');
    await article.page.waitForLoadState('networkidle');
    expect(article.errors).toEqual([]);
    await article.close();
  });

  it('loads no Pagefind asset on an article page, and loads them on the search page', async () => {
    const article = await open('/explainers/lighthouse-clause/');
    await article.page.waitForLoadState('networkidle');
    expect(article.requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    await article.close();
    const search = await open('/search/?q=snapback');
    await settled(search.page);
    expect(search.requests).toContain('/pagefind/pagefind.js');
    await search.close();
  });

  it('without JavaScript: explains that search needs it, the header form still leads there, the explainer list works', async () => {
    const { page, close } = await open('/explainers/', { javaScriptEnabled: false });
    expect(await page.locator('.card__title a').count()).toBe(15);
    await page.locator('#site-search-q').fill('snapback');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=snapback$/);
    expect(await page.locator('.search-noscript').innerText()).toMatch(/Search needs JavaScript/);
    expect(await page.locator('.search-noscript a').getAttribute('href')).toBe('/explainers/');
    expect(await page.locator('.search-refine').isVisible()).toBe(false);
    // The hint promises nothing the page cannot do without JavaScript.
    expect(await page.locator('#search-hint').innerText()).not.toMatch(/Escape/);
    await close();
  });

  it('keeps the words in the box and the Escape hint when the search index cannot load', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(`${site.url}/search/?q=snapback+clause`);
    await expect.poll(() => status(page)).toMatch(/^Search is unavailable right now/);
    expect(await page.locator('#search-q').inputValue()).toBe('snapback clause');
    expect(await page.locator('#search-hint').innerText()).toMatch(/Escape clears the box\.$/);
    await context.close();
  });

  it('tells the reader when the index cannot be loaded', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(`${site.url}/search/?q=snapback`);
    await expect.poll(() => status(page)).toMatch(/^Search is unavailable right now/);
    await context.close();
  });

  it('follows the light and dark colour schemes of the site', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const { page, close } = await open('/search/?q=snapback', { colorScheme });
      await settled(page);
      // The result card and the text take the site's own colours (global.css), whatever they are.
      const found = await page.locator('.search-result').first().evaluate((el) => {
        const probe = document.createElement('div');
        probe.style.cssText = 'background: var(--card-bg); color: var(--fg)';
        document.body.append(probe);
        const site = [getComputedStyle(probe).backgroundColor, getComputedStyle(probe).color];
        probe.remove();
        return { result: [getComputedStyle(el).backgroundColor, getComputedStyle(document.body).color], site };
      });
      await close();
      return found;
    };
    const [light, dark] = [await colours('light'), await colours('dark')];
    expect(light.result).toEqual(light.site);
    expect(dark.result).toEqual(dark.site);
    expect(dark.result).not.toEqual(light.result);
  });
});
