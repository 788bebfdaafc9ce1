/**
 * The Pagefind stage against the real Pagefind binary on small hand-made
 * sites in temporary folders: what it indexes, what it reports, how it fails.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexSite, searchIndexStage, SKIP_ENV, summary } from '../../src/integrations/pagefind.ts';

const html = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Menu</nav>${body}</body></html>`;

/** A tiny built site: two articles, a home page and a search page. */
async function makeSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pagefind-unit-'));
  for (const slug of ['one', 'two']) {
    await mkdir(join(dir, 'explainers', slug), { recursive: true });
    await writeFile(
      join(dir, 'explainers', slug, 'index.html'),
      html(`<article data-pagefind-body><h1>Article ${slug}</h1><p>Body of ${slug}<sup class="cite">[<a id="cite-a-1">7</a>]</sup>.</p></article>`),
    );
  }
  await writeFile(join(dir, 'index.html'), html('<main><h1>Home list</h1></main>'));
  await mkdir(join(dir, 'search'));
  await writeFile(join(dir, 'search', 'index.html'), html('<main><h1>Search</h1></main>'));
  return dir;
}

/** The decoded JSON of every fragment Pagefind wrote (gzip, then a 12-byte signature). */
async function fragments(dir: string): Promise<Array<{ url: string; content: string }>> {
  const folder = join(dir, 'pagefind', 'fragment');
  const files = await readdir(folder);
  return Promise.all(files.map(async (file) => JSON.parse(gunzipSync(await readFile(join(folder, file))).subarray(12).toString('utf8'))));
}

/** Collects what the integration logs. */
function collectingLogger() {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return { lines, logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') } };
}

/** Run the search stage as the finished-site checks do (src/integrations/site-checks.ts). */
async function runHook(dir: string) {
  const { lines, logger } = collectingLogger();
  expect(await searchIndexStage(dir, logger)).toBeUndefined();
  return lines;
}

describe('indexSite', () => {
  it('indexes only article pages, without citation marker numbers, and reports sizes', async () => {
    const dir = await makeSite();
    const stats = await indexSite(dir);
    expect(stats.pages).toBe(2);
    expect(stats.indexBytes).toBeGreaterThan(0);
    expect(stats.bundleBytes).toBeGreaterThan(stats.indexBytes);
    expect(await readdir(join(dir, 'pagefind'))).toContain('pagefind.js');
    const found = await fragments(dir);
    expect(found.map((f) => f.url).sort()).toEqual(['/explainers/one/', '/explainers/two/']);
    expect(found.find((f) => f.url === '/explainers/one/')?.content).toBe('Article one. Body of one.');
    expect(summary(stats)).toMatch(/^Indexed 2 pages in \d+\.\d\d s \(index [\d.]+ (kB|B), [\d.]+ (kB|B) per page\)\.$/);
  }, 30_000);

  it('fails with a clear error when the output folder name is taken by a file', async () => {
    const dir = await makeSite();
    await writeFile(join(dir, 'pagefind'), 'not a folder');
    const error = await indexSite(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Failed to run Pagefind.');
    expect(String((error as Error).cause)).toMatch(/pagefind is a file.*rename public\/pagefind/);
  }, 30_000);

  it('reports a crash of the Pagefind binary instead of hanging', async () => {
    const dir = await makeSite();
    // Pagefind panics when a file sits where it writes a folder of its bundle.
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'fragment'), 'in the way');
    const error = await indexSite(dir).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Failed to run Pagefind.');
    expect(String((error as Error).cause)).toMatch(/Pagefind process stopped before finishing/);
  }, 30_000);
});

describe('searchIndexStage', () => {
  it('logs pages, time and size after indexing, and warns when nothing was indexed', async () => {
    expect(await runHook(await makeSite())).toEqual([expect.stringMatching(/^info: Indexed 2 pages in /)]);
    const empty = await mkdtemp(join(tmpdir(), 'pagefind-empty-'));
    await writeFile(join(empty, 'index.html'), html('<main>Home</main>'));
    const lines = await runHook(empty);
    expect(lines[0]).toMatch(/^info: Indexed 0 pages/);
    expect(lines[1]).toMatch(/^warn: No explainer pages/);
  }, 30_000);

  it(`skips indexing when ${SKIP_ENV}=1`, async () => {
    const dir = await makeSite();
    process.env[SKIP_ENV] = '1';
    try {
      expect(await runHook(dir)).toEqual([expect.stringMatching(/^warn: Search index skipped/)]);
    } finally {
      delete process.env[SKIP_ENV];
    }
    expect(await readdir(dir)).not.toContain('pagefind');
  });
});
