/**
 * Search as readers use it: the fixture site built once, served on 127.0.0.1
 * and driven in headless Chromium (Debian's, never downloaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const unavailable = browserUnavailable();

// Each test opens its own browser context and loads Pagefind's WebAssembly: seconds on a busy 2-core machine.
describe.skipIf(unavailable)('search in a real browser', { timeout: 60_000 }, () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const build = await buildSite(fixture('site-search'));
    expect(build.ok, build.output).toBe(true);
    server = await serveDir(build.outDir);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page that records console errors, page errors and requests. */
  async function open(path: string, options: BrowserContextOptions = {}) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}${path}`);
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
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['lighthouse', 'clause']));
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
    expect(await result.locator('.search-result__region').allTextContents()).toEqual(['In our analysis', 'In the sources']);
    expect(await result.locator('.search-result__analysis mark').allTextContents()).toEqual(['pendulum', 'diplomacy']);
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
    expect(await page.getByRole('searchbox', { name: 'Search explainers', exact: true }).count()).toBe(2);
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
    await close();
  });

  it('tells the reader when the index cannot be loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(`${server.url}/search/?q=snapback`);
    await expect.poll(() => status(page)).toMatch(/^Search is unavailable right now/);
    await context.close();
  });

  it('follows the light and dark colour schemes of the site', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { page, close } = await open('/search/?q=snapback', { colorScheme });
      await settled(page);
      const colours = await page.locator('.search-result').first().evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(document.body).color]);
      await close();
      return colours;
    };
    expect(await background('light')).toEqual(['rgb(255, 255, 255)', 'rgb(27, 27, 31)']);
    expect(await background('dark')).toEqual(['rgb(26, 27, 31)', 'rgb(233, 233, 236)']);
  });
});
