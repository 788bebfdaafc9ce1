/**
 * Keyboard and touch on an article, in real Chromium: a card that only
 * previews adds no Tab stop, Enter opens it with focus inside, Escape gives
 * focus back; on a touch screen markers and back-links have bigger hit areas
 * while the text stays exactly where it was.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { siteInBrowser } from '../helpers/browser-site.ts';

const ARTICLE = '/explainers/red-lines/';
const CARD = '#source-card';

describe.skipIf(browserUnavailable())('keyboard and touch', { timeout: 60_000 }, () => {
  const site = siteInBrowser('site-citations');

  async function open(context?: BrowserContext): Promise<Page> {
    const page = context ? await context.newPage() : await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + ARTICLE);
    return page;
  }
  const cardOpen = (page: Page) => page.evaluate((sel) => document.querySelector(sel)?.matches(':popover-open') ?? false, CARD);
  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      // Past the last control focus leaves the page (the body is active), then comes round to the first.
      const w = window as unknown as { firstStop?: Element };
      const again = !el || el === document.body || el === w.firstStop;
      w.firstStop ??= el ?? undefined;
      return { again, id: el?.id ?? '', text: el?.textContent?.trim() ?? '', inCard: !!el?.closest('#source-card'), marker: !!el?.matches('a.cite-link') };
    });

  it('walks the page with Tab without ever stopping inside a previewed card', async () => {
    const page = await open();
    // Every control a reader can reach, in DOM order, none of them in the card.
    const reachable = await page.$$eval('a[href], button, input', (els) => els.filter((el) => !el.closest('#source-card')).length);
    const stops: Array<Awaited<ReturnType<typeof active>>> = [];
    let previews = 0;
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const now = await active(page);
      if (now.again) break; // round to the start: the walk is over
      if (now.marker && (await page.waitForFunction((sel) => document.querySelector(sel)?.matches(':popover-open'), CARD).then(() => true))) previews++;
      stops.push(now);
    }
    expect(stops.filter((s) => s.inCard)).toEqual([]);
    expect(stops).toHaveLength(reachable);
    // Each marker previewed its card on the way, and Tab went straight on to the next marker.
    const markers = stops.filter((s) => s.marker).map((s) => s.id);
    expect(markers).toEqual(await page.$$eval('a.cite-link', (links) => links.map((a) => a.id)));
    expect(previews).toBe(markers.length);
    await page.close();
  });

  it('Enter opens the previewed card and moves focus in, Tab walks it, Escape returns to the marker', async () => {
    const page = await open();
    await page.focus('#cite-analysis-1');
    // Focus from script is not :focus-visible; a Tab onto the marker is.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.waitForFunction((sel) => document.querySelector(sel)?.matches(':popover-open'), CARD);
    const tabIndexes = () => page.$$eval(`${CARD} a, ${CARD} button`, (els) => els.map((el) => (el as HTMLElement).tabIndex));
    expect(await tabIndexes()).toEqual(['Close', 'Open source', 'Full entry in Sources'].map(() => -1));
    await page.keyboard.press('Enter');
    expect(await active(page)).toMatchObject({ inCard: true });
    expect(await tabIndexes()).toEqual([0, 0, 0]);
    await page.keyboard.press('Tab');
    expect((await active(page)).id).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close');
    await page.keyboard.press('Tab');
    expect((await active(page)).text).toBe('Open source');
    await page.keyboard.press('Escape');
    await page.waitForFunction((sel) => !document.querySelector(sel)?.matches(':popover-open'), CARD);
    expect(await active(page)).toMatchObject({ id: 'cite-analysis-1', inCard: false });
    expect(await cardOpen(page)).toBe(false);
    await page.close();
  });

  it('gives markers and back-links bigger tap targets on a touch screen, without moving any text', async () => {
    const viewport = { width: 390, height: 800 };
    const mouse = await site.browser.newContext({ viewport });
    const touch = await site.browser.newContext({ viewport, hasTouch: true });
    const [fine, coarse] = [await open(mouse), await open(touch)];
    expect(await coarse.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const layout = (page: Page) => page.$$eval('.prose p, .prose li, sup.cite, .source__backlinks', (els) => els.map((el) => JSON.stringify(el.getBoundingClientRect())));
    expect(await layout(coarse)).toEqual(await layout(fine));

    /** Which link a tap at (dx, dy) from the centre of `selector` lands on. */
    const hit = (page: Page, selector: string, dx: number, dy: number) =>
      page.$eval(selector, (el, [x, y]) => {
        el.scrollIntoView({ block: 'center' });
        const box = el.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2 + x!, box.y + box.height / 2 + y!)?.closest('a')?.id ?? null;
      }, [dx, dy]);
    // A lone marker [3]: at least 24 × 24 px, as WCAG 2.2 asks of a target.
    for (const [dx, dy] of [[0, -12], [0, 12], [-12, 0], [12, 0]] as const) {
      expect(await hit(coarse, '#cite-analysis-1', dx, dy), `${dx},${dy}`).toBe('cite-analysis-1');
      expect(await hit(fine, '#cite-analysis-1', dx, dy), `mouse ${dx},${dy}`).not.toBe('cite-analysis-1');
    }
    // In a group [1, 2] each number still belongs to its own marker.
    expect(await hit(coarse, '#cite-e3-text-2', 0, 0)).toBe('cite-e3-text-2');
    expect(await hit(coarse, '#cite-us-draft-2', 0, 0)).toBe('cite-us-draft-2');
    // Back-letters: a finger's height above and below, and the letters beside keep theirs.
    for (const dy of [-12, 12]) expect(await hit(coarse, '#back-e3-text-2', 0, dy)).toBe('back-e3-text-2');
    for (const id of ['back-e3-text-1', 'back-e3-text-2', 'back-e3-text-3']) expect(await hit(coarse, `#${id}`, 0, 0)).toBe(id);
    await mouse.close();
    await touch.close();
  });
});
