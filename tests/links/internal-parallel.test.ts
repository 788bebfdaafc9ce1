/**
 * The internal link check split into batches across worker threads (each
 * serving the site to linkinator itself) must find exactly what one linkinator
 * run over the whole site finds; and the pieces that make it fast: the batch
 * plan and the in-process answers, which must be a static host's.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { tempSite } from '../helpers/temp-site.ts';
import { checkInternalLinks } from '../../src/links/internal.ts';
import { oldGenerationMb, runBatches } from '../../src/links/link-pool.ts';
import { planBatches } from '../../src/links/plan.ts';
import { IN_PROCESS_ORIGIN, serveInProcess, withoutExternalHrefs } from '../../src/links/in-process.ts';

/** The HTTP client linkinator uses (its undici). */
const undici = createRequire(import.meta.resolve('linkinator'))('undici') as { fetch: (url: string, init?: { method?: string; redirect?: 'manual' }) => Promise<Response> };

const site = (files: Record<string, string>) => tempSite(files, 'links-parallel-');

const html = (body: string) => `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/style.css"></head><body>${body}</body></html>`;

/** A small site with a hub citing fragments on every page, and broken links of every kind. */
function brokenSite(): Record<string, string> {
  const files: Record<string, string> = {
    'index.html': html('<a href="/hub/">hub</a><a href="/p3/#part-3">p3</a><a href="/gone/">gone</a>'),
    '404.html': html('Not here'),
    'style.css': 'body { background: url("/img/bg.png"); } p { background: url("/img/missing.png"); }',
    'img/bg.png': 'png',
    'app.js': '',
  };
  let hub = '';
  for (let i = 0; i < 9; i++) {
    // p4 lost its anchor; p6 lost its script.
    const anchor = i === 4 ? '<h2>Part</h2>' : `<h2 id="part-${i}">Part</h2>`;
    const script = i === 6 ? '<script src="/app-old.js"></script>' : '<script src="/app.js"></script>';
    files[`p${i}/index.html`] = html(
      `${anchor}${script}<a href="#part-${i}">here</a><a href="https://example.org/p${(i + 1) % 9}/">next by address</a>` +
        `<a href="/p${(i + 5) % 9}/#part-${(i + 5) % 9}">across</a><a href="https://elsewhere.invalid/">external</a>`,
    );
    hub += `<a href="/p${i}/#part-${i}">p${i}</a><a href="/p${i}/#nope">p${i} nope</a>`;
  }
  files['hub/index.html'] = html(`${hub}<a href="https://example.org/missing/">missing by address</a>`.repeat(3));
  return files;
}

describe('checkInternalLinks in parallel', () => {
  it('finds exactly what one batch on this thread finds', async () => {
    const dir = await site(brokenSite());
    const options = { dir, site: 'https://example.org' };
    const single = await checkInternalLinks({ ...options, threads: 1, batchSize: 1000 });
    const parallel = await checkInternalLinks({ ...options, threads: 2, batchSize: 2 });
    expect(parallel.broken).toEqual(single.broken);
    expect(parallel.checked).toBe(single.checked);
    expect(parallel.pages).toBe(single.pages);
    const nope = (i: number) => `/hub/ /p${i}/#nope`;
    expect(single.broken.map((b) => `${b.page} ${b.link}`)).toEqual([
      '/ /gone/',
      '/hub/ /missing/',
      ...[0, 1, 2, 3, 4].map(nope),
      '/hub/ /p4/#part-4',
      ...[5, 6, 7, 8].map(nope),
      '/p4/ #part-4',
      '/p6/ /app-old.js',
      '/p8/ /p4/#part-4',
      '/style.css /img/missing.png',
    ]);
  }, 60_000);

  it('runs batches in worker threads that serve the site themselves, leaving this thread\'s HTTP client alone', async () => {
    const dir = await site(brokenSite());
    const job = (paths: string[]) => ({ paths, concurrency: 8, timeout: 10_000 });
    const results = await runBatches([job(['/p8/', '/p1/']), job(['/p2/']), job(['/']), job(['/p3/'])], { dir, threads: 2 });
    // The site was never served on this thread.
    await expect(undici.fetch(`${IN_PROCESS_ORIGIN}/p2/`)).rejects.toThrow();
    expect(results.map((result) => result.broken.map((b) => `${b.page} ${b.link}`))).toEqual([['/p8/ /p4/#part-4'], [], ['/ /gone/'], []]);
    expect(results[1]?.checked).toEqual(expect.arrayContaining(['/p2/', '/p7/', '/app.js', '/style.css']));
  }, 60_000);
});

describe('runBatches out of memory', () => {
  it('runs a batch again on a worker without the heap cap when a capped worker runs out', async () => {
    const dir = await site(brokenSite());
    const job = (paths: string[]) => ({ paths, concurrency: 8, timeout: 10_000 });
    const jobs = [job(['/p8/', '/p1/']), job(['/p2/']), job(['/']), job(['/p3/'])];
    const expected = await runBatches(jobs, { dir, threads: 2 });
    // 4 MB cannot even load linkinator: both capped workers die, their replacements do all the work.
    const recovered = await runBatches(jobs, { dir, threads: 2, heapMb: 4 });
    expect(recovered).toEqual(expected);
    expect(recovered.map((result) => result.broken.map((b) => `${b.page} ${b.link}`))).toEqual([['/p8/ /p4/#part-4'], [], ['/ /gone/'], []]);
  }, 60_000);

  it('fails the check, saying why, when a batch runs out of memory on the workers without the cap too', async () => {
    const dir = await site(brokenSite());
    const job = (paths: string[]) => ({ paths, concurrency: 8, timeout: 10_000 });
    // The retry workers get a cap too here, so the retry runs out as well: it must end, not start over forever.
    await expect(runBatches([job(['/p8/', '/p1/']), job(['/p2/'])], { dir, threads: 2, heapMb: 4, retryHeapMb: 4 })).rejects.toThrow(
      /^A link check batch \(\d pages? from \/p\d\/\) ran out of memory even on a worker without the usual heap cap\.$/,
    );
  }, 60_000);

  it('sizes the heap cap by the site: at least 256 MB, 4 bytes per byte of HTML', () => {
    expect(oldGenerationMb(0)).toBe(256);
    expect(oldGenerationMb(63 * 2 ** 20)).toBe(256);
    expect(oldGenerationMb(315 * 2 ** 20)).toBe(1260);
  });
});

describe('planBatches', () => {
  const page = (path: string, size: number) => ({ path, size });

  it('puts the heavy pages together and first, largest first, then the rest in order within the caps', () => {
    const pages = [page('/a/', 10), page('/b/', 10), page('/big/', 100), page('/c/', 10), page('/d/', 10), page('/huge/', 500), page('/e/', 10)];
    expect(planBatches(pages, { pages: 3, bytes: 25 })).toEqual([['/huge/'], ['/big/'], ['/a/', '/b/'], ['/c/', '/d/'], ['/e/']]);
    expect(planBatches(pages, { pages: 2, bytes: 1000 })).toEqual([['/huge/', '/big/'], ['/a/', '/b/'], ['/c/', '/d/'], ['/e/']]);
  });

  it('gives a page over the byte cap a batch of its own and places every page once', () => {
    const pages = Array.from({ length: 40 }, (_, i) => page(`/p${i}/`, i === 7 ? 5000 : 100 + (i % 3)));
    const batches = planBatches(pages, { pages: 10, bytes: 350, heavyBytes: 1000 });
    expect(batches[0]).toEqual(['/p7/']);
    expect(batches.flat().sort()).toEqual(pages.map((p) => p.path).sort());
    for (const batch of batches.slice(1)) expect(batch.length).toBeLessThanOrEqual(3);
    expect(planBatches([], { pages: 10, bytes: 10 })).toEqual([]);
  });
});

describe('serveInProcess', () => {
  it('answers like a static host: files with their length, folder redirects, the 404 page; and puts the client back', async () => {
    const dir = await site({ 'a/index.html': '<p id="x">A</p>', '404.html': 'lost', 'b/index.html': '<a href="https://news.invalid/">n</a><a href="https://example.org/a/">a</a>' });
    const restore = serveInProcess(dir, 'https://example.org');
    const ask = async (method: string, path: string) => {
      const response = await undici.fetch(`${IN_PROCESS_ORIGIN}${path}`, { method, redirect: 'manual' });
      return { status: response.status, length: response.headers.get('content-length'), location: response.headers.get('location'), body: await response.text() };
    };
    try {
      expect(await ask('GET', '/a/')).toMatchObject({ status: 200, length: '15', body: '<p id="x">A</p>' });
      expect(await ask('HEAD', '/a/')).toMatchObject({ status: 200, length: '15', body: '' });
      expect(await ask('GET', '/a')).toMatchObject({ status: 301, location: '/a/' });
      expect(await ask('GET', '/nope/')).toMatchObject({ status: 404, body: 'lost' });
      expect(await ask('GET', '/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ status: 404, body: 'lost' });
      // Pages come without their links to other sites, with a matching length.
      expect(await ask('GET', '/b/')).toMatchObject({ status: 200, length: '46', body: '<a>n</a><a href="https://example.org/a/">a</a>' });
    } finally {
      restore();
    }
    await expect(undici.fetch(`${IN_PROCESS_ORIGIN}/a/`)).rejects.toThrow();
  });
});

describe('withoutExternalHrefs', () => {
  it('drops only links to other sites, which the check skips anyway', () => {
    const page = '<a href="https://example.org/a/#x">own</a><a href="http://EXAMPLE.org">own</a><a href="https://example.org.evil/">other</a><a id="s1" href="https://news.invalid/story">other</a><a href="/b/">rel</a><a href="#s1">frag</a>';
    expect(withoutExternalHrefs(page, 'https://example.org')).toBe(
      '<a href="https://example.org/a/#x">own</a><a href="http://EXAMPLE.org">own</a><a>other</a><a id="s1">other</a><a href="/b/">rel</a><a href="#s1">frag</a>',
    );
  });
});
