/**
 * The design as readers see it, in real Chromium: screenshots of every page
 * type in light, dark and phone width for reviewers (tests/screenshots/, which
 * git ignores), and what a reader would notice if it broke: the headline
 * clear of the header, the last item clear of the footer, a one-row header,
 * one search box on /search/, curly quotes from frontmatter, the site's serif.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite, fixture, ROOT } from '../helpers/site.ts';
import { siteInBrowser } from '../helpers/browser-site.ts';

const SHOTS = join(ROOT, 'tests/screenshots');
const PAGES: Record<string, string> = {
  home: '/',
  explainer: '/explainers/red-lines/',
  explainers: '/explainers/',
  topic: '/topics/peace-talks/',
  topics: '/topics/',
  sources: '/sources/',
  publisher: '/sources/think-tank/',
  methodology: '/methodology/',
  search: '/search/',
  '404': '/404.html',
};
const MODES: Record<string, BrowserContextOptions> = {
  light: { viewport: { width: 1100, height: 900 }, colorScheme: 'light' },
  dark: { viewport: { width: 1100, height: 900 }, colorScheme: 'dark' },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

describe.skipIf(browserUnavailable())('design', { timeout: 120_000 }, () => {
  const site = siteInBrowser('site-citations', { prepare: async () => {
    // The folder ignores itself, so screenshots never end up in a commit.
    await mkdir(SHOTS, { recursive: true });
    await writeFile(join(SHOTS, '.gitignore'), '*\n');
  } });

  /** The page with its fonts loaded, as a reader would look at it. */
  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(site.url + path);
    await page.evaluate(() => document.fonts.ready);
  }

  /** Gaps a reader sees: headline below the header rule, last item above the footer rule. */
  const gaps = (page: Page) =>
    page.evaluate(() => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const footer = document.querySelector('.site-footer')!.getBoundingClientRect();
      const main = document.querySelector('main')!;
      const first = main.querySelector('h1, .kicker')!.getBoundingClientRect();
      // Only what is drawn: the content of a closed <details> has boxes too.
      const drawn = [...main.querySelectorAll('*')].filter((el) => el.checkVisibility({ visibilityProperty: true }));
      const bottoms = drawn.map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom);
      return { top: Math.round(first.top - header.bottom), bottom: Math.round(footer.top - Math.max(...bottoms)), overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });

  it('writes a screenshot of every page type in light, dark and phone width, each with room around its content', async () => {
    const written: string[] = [];
    for (const [mode, options] of Object.entries(MODES)) {
      const context = await site.browser.newContext(options);
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        await visit(page, path);
        const file = join(SHOTS, `${mode}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
        const { top, bottom, overflow } = await gaps(page);
        // The headline never touches the header, nor the last item the footer; nothing scrolls sideways.
        expect(top, `${mode} ${name}: headline to header`).toBeGreaterThanOrEqual(24);
        expect(bottom, `${mode} ${name}: last item to footer`).toBeGreaterThanOrEqual(24);
        expect(overflow, `${mode} ${name}: sideways scroll`).toBe(0);
      }
      await context.close();
    }
    expect(written).toHaveLength(Object.keys(PAGES).length * Object.keys(MODES).length);
    for (const file of written) expect((await stat(file)).size, file).toBeGreaterThan(5_000);
  });

  it('sets the header on one row at desktop width, and in two short rows on a phone', async () => {
    const rows = async (options: BrowserContextOptions) => {
      const context = await site.browser.newContext(options);
      const page = await context.newPage();
      await visit(page, PAGES.explainer!);
      const boxes = await page.$$eval('.site-name, .site-nav, .site-header .site-search', (els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      const height = await page.$eval('.site-header', (el) => el.getBoundingClientRect().height);
      await context.close();
      // Items share a row when their vertical middles fall within each other's boxes.
      const sameRow = (a: DOMRect, b: DOMRect) => Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < Math.min(a.height, b.height) / 2;
      return { boxes, height, sameRow };
    };
    const desk = await rows(MODES.light!);
    expect(desk.boxes).toHaveLength(3);
    const [name, nav, search] = desk.boxes as [DOMRect, DOMRect, DOMRect];
    expect(desk.sameRow(name, nav) && desk.sameRow(nav, search)).toBe(true);
    expect(name.x + name.width).toBeLessThan(nav.x);
    expect(nav.x + nav.width).toBeLessThan(search.x);
    expect(desk.height).toBeLessThan(72);
    const phone = await rows(MODES.phone!);
    const [pName, pNav, pSearch] = phone.boxes as [DOMRect, DOMRect, DOMRect];
    expect(phone.sameRow(pName, pSearch)).toBe(true);
    expect(pNav.y).toBeGreaterThan(pName.y + pName.height / 2);
    expect(phone.height).toBeLessThan(100);
    // The phone's search box is still wide enough to type in.
    expect(await (async () => pSearch.width)()).toBeGreaterThan(150);
  });

  it('never lets header items overlap or a section name wrap, from a small phone to a wide screen', async () => {
    const page = await site.browser.newPage();
    for (const width of [320, 414, 600, 800, 864, 865, 960, 1400]) {
      await page.setViewportSize({ width, height: 800 });
      await visit(page, PAGES.explainer!);
      const problems = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.site-name, .nav-list a, .site-header .site-search')].map((el) => [el.textContent!.trim() || 'search', el.getBoundingClientRect()] as const);
        const out: string[] = [];
        for (const [i, [a, ra]] of boxes.entries()) {
          if (ra.height > 40) out.push(`${a} wraps`);
          for (const [b, rb] of boxes.slice(i + 1)) if (ra.left < rb.right && rb.left < ra.right && ra.top < rb.bottom && rb.top < ra.bottom) out.push(`${a} overlaps ${b}`);
        }
        if (document.documentElement.scrollWidth > innerWidth) out.push('scrolls sideways');
        return out;
      });
      expect(problems, `${width}px`).toEqual([]);
    }
    await page.close();
  });

  it('shows exactly one search box on /search/, and the header box everywhere else', async () => {
    const page = await site.browser.newPage();
    const boxes = () => page.$$eval('input[type="search"]', (inputs) => inputs.filter((i) => i.getBoundingClientRect().width > 0).map((i) => i.id));
    await visit(page, '/search/');
    expect(await boxes()).toEqual(['search-q']);
    await visit(page, '/explainers/');
    expect(await boxes()).toEqual(['site-search-q']);
    await page.close();
  });

  it('sets quotes and dashes from frontmatter as the body text has them', async () => {
    const page = await site.browser.newPage();
    await visit(page, PAGES.explainer!);
    expect(await page.textContent('h1')).toBe('Europe’s “red lines” – what the counter-proposal changes');
    expect(await page.title()).toBe('Europe’s “red lines” – what the counter-proposal changes · Sourced Explainers');
    expect(await page.textContent('.dek')).toBe('Britain, France and Germany kept the U.S. draft’s outline but rewrote its ‘hard’ limits.');
    expect(await page.textContent('.corrections li')).toContain('said the ceiling was ‘final’ – it is a proposal.');
    expect(await page.textContent('#source-wire .source__link')).toBe('Allies react to Europe’s text');
    const straight = await page.$$eval('h1, .dek, .byline, .corrections, .source__title, .source__meta', (els) => els.filter((el) => /['"]/.test(el.textContent!)).map((el) => el.textContent));
    expect(straight).toEqual([]);
    await visit(page, '/');
    expect(await page.$$eval('main .card__title', (h) => h.map((e) => e.textContent))).toEqual(['Europe’s “red lines” – what the counter-proposal changes', 'Gas prices this winter']);
    expect(await page.$$eval('main .card__summary', (p) => p.map((e) => e.textContent)).then((s) => s[1])).toBe('What the energy agency’s outlook says – and doesn’t – about bills.');
    await page.close();
  });

  it('sets text in the site\'s own serif, served from the site itself', async () => {
    const page = await site.browser.newPage();
    const fonts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'font' && fonts.push(new URL(request.url()).origin));
    await visit(page, PAGES.explainer!);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.style}`));
    expect(loaded).toEqual(expect.arrayContaining(['Literata normal', 'Literata italic']));
    expect(await page.evaluate(() => document.fonts.check('17px Literata'))).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set([site.url]));
    await page.close();
  });
});
