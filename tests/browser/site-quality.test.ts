/**
 * The whole built site in real Chromium: axe-core finds no serious or
 * critical accessibility violation on any page type (light and dark, desktop
 * and phone, card open), the CSP is enforced and never violated, topic and
 * source pages list the right explainers, and feeds are well-formed XML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/browser-site.ts';
import { watchContext, type Watch } from '../helpers/page-watch.ts';
import { fixture, ROOT } from '../helpers/site.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PAGES = ['/', '/explainers/', '/explainers/alpha-deal/', '/sources/', '/sources/example-government/', '/topics/', '/topics/peace-talks/', '/methodology/', '/404.html', '/search/'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe.skipIf(browserUnavailable())('site quality', { timeout: 240_000 }, () => {
  const site = siteInBrowser('site-reader', { env: { LINKROT_STATE: fixture('site-reader', 'linkrot-state.json') } });

  /** Serious and critical axe violations on the page as it is now, as readable lines. */
  async function axe(page: Page): Promise<string[]> {
    // evaluate() runs through DevTools, so the page's CSP does not block axe itself.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    const violations = await page.evaluate(
      (tags) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { runOnly: tags }).then((r) => r.violations),
      AXE_TAGS,
    );
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function scan(context: BrowserContext, label: string): Promise<Record<string, string[]>> {
    const results: Record<string, string[]> = {};
    for (const path of PAGES) {
      const page = await context.newPage();
      await page.goto(site.url + path);
      results[`${label} ${path}`] = await axe(page);
      await page.close();
    }
    return results;
  }

  it('has no serious or critical axe violations on any page type, light and dark', async () => {
    const results: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
      Object.assign(results, await scan(context, colorScheme));
      await context.close();
    }
    expect(Object.keys(results)).toHaveLength(PAGES.length * 2);
    for (const [page, violations] of Object.entries(results)) expect(violations, page).toEqual([]);
  });

  it('has no serious or critical axe violations on a phone, nor with a source card open', async () => {
    const phone = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const results = await scan(phone, 'phone');
    const page = await phone.newPage();
    await page.goto(`${site.url}/explainers/alpha-deal/`);
    await page.tap('a.cite-link >> nth=0');
    await page.waitForFunction(() => document.querySelector('#source-card')?.matches(':popover-open'));
    results['phone, card open'] = await axe(page);
    await phone.close();
    for (const [name, violations] of Object.entries(results)) expect(violations, name).toEqual([]);
  });

  it('is served under a CSP that every page satisfies, and that really blocks inline script', async () => {
    const context = await site.browser.newContext();
    const watch: Watch = await watchContext(context);
    for (const path of PAGES) {
      const page = await context.newPage();
      await page.goto(site.url + path);
      expect(await page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content')), path).toMatch(/script-src 'self'/);
      await page.close();
    }
    // Pagefind (WebAssembly, fetched index) must run under the policy too.
    const search = await context.newPage();
    await search.goto(`${site.url}/search/?q=draft`);
    await search.waitForSelector('#search-results li', { timeout: 30_000 });
    expect(await search.$$eval('#search-results li', (items) => items.length)).toBeGreaterThan(0);
    await search.close();
    expect(watch).toEqual({ errors: [], csp: [] });
    // The same watch catches a violation when there is one: the policy is live, not decorative.
    const page = await context.newPage();
    await page.goto(`${site.url}/explainers/alpha-deal/`);
    // Wait for the browser's own verdict on the injected script (its violation event), not for a set time.
    const ran = await page.evaluate(async () => {
      const refused = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const directive = await refused;
      return { directive, injected: (window as unknown as { __injected?: boolean }).__injected === true };
    });
    expect(ran).toEqual({ directive: expect.stringMatching(/^script-src/), injected: false });
    await expect.poll(() => watch.csp.join('\n')).toMatch(/script-src/);
    await context.close();
  });

  it('lists the right explainers on topic pages, drafts excluded', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/topics/`);
    const topics = await page.$$eval('main .topic-list li', (items) => items.map((li) => li.textContent?.trim()));
    expect(topics).toEqual(['Energy (1)', 'Europe (1)', 'NATO (1)', 'Peace talks (2)']);
    await page.click('main .topic-list >> text=Peace talks');
    await page.waitForURL(/\/topics\/peace-talks\/$/);
    expect(await page.$$eval('main .card__title', (h) => h.map((e) => e.textContent))).toEqual(['Where the talks go next', 'Deal text </script> & what it means']);
    await page.goto(`${site.url}/topics/energy/`);
    expect(await page.$$eval('main .card__title', (h) => h.map((e) => e.textContent))).toEqual(['Gas prices this winter']);
    // Home: latest explainers and the topics, busiest first.
    await page.goto(`${site.url}/`);
    expect(await page.$$eval('main .card__title', (h) => h.map((e) => e.textContent))).toEqual(['Where the talks go next', 'Deal text </script> & what it means', 'Gas prices this winter']);
    expect(await page.$$eval('main .topic-list a', (a) => a.map((e) => e.textContent))).toEqual(['Peace talks', 'Energy', 'Europe', 'NATO']);
    await page.close();
  });

  it('lists the publishers, and on each publisher\'s page every distinct source with the explainers citing it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/sources/`);
    expect(await page.textContent('main .lede')).toBe('6 sources from 4 publishers, cited across 3 explainers.');
    const rows = await page.$$eval('main .publisher-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(rows).toEqual([
      ['Energy Agency', '1', '1', '1 official statement'],
      ['Example Government', '2', '2', '1 primary document, 1 official statement'],
      ['Example Wire', '2', '2', '2 news reports'],
      ['Think Tank', '1', '1', '1 analysis'],
    ]);
    await page.click('main .publisher-table >> text=Example Government');
    await page.waitForURL(/\/sources\/example-government\/$/);
    expect(await page.$$eval('main .source-index__title > a', (a) => a.map((e) => e.textContent))).toEqual(['Draft framework text (leaked)', 'Ministry statement on the draft']);
    const framework = page.locator('[data-url="https://docs.example.test/framework.pdf"]');
    expect(await framework.locator('.source-index__explainers a').evaluateAll((a) => a.map((e) => [e.textContent, e.getAttribute('href')]))).toEqual([
      ['Where the talks go next', '/explainers/beta-talks/#source-framework'],
      ['Deal text </script> & what it means', '/explainers/alpha-deal/#source-draft-text'],
    ]);
    // Following a "cited in" link lands on that source's entry in the explainer.
    await page.click('text=Where the talks go next');
    await page.waitForURL(/\/explainers\/beta-talks\/#source-framework$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('source-framework');
    await page.close();
  });

  it('serves well-formed feeds and structured data', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/explainers/alpha-deal/`);
    const checks = await page.evaluate(async () => {
      const parse = async (url: string) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      const rss = await parse('/rss.xml');
      const sitemap = await parse('/sitemap-index.xml');
      const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
      const csl = await (await fetch('/explainers/alpha-deal/sources.json')).json();
      return {
        rssErrors: rss.getElementsByTagName('parsererror').length,
        items: [...rss.querySelectorAll('item > title')].map((t) => t.textContent),
        sitemapErrors: sitemap.getElementsByTagName('parsererror').length,
        headlineMatches: ld.headline === document.querySelector('h1')!.textContent,
        citations: ld.citation.length,
        csl: csl.length,
      };
    });
    expect(checks).toEqual({
      rssErrors: 0,
      items: ['Where the talks go next', 'Deal text </script> & what it means', 'Gas prices this winter'],
      sitemapErrors: 0,
      headlineMatches: true,
      citations: 4,
      csl: 4,
    });
    await page.close();
  });
});
