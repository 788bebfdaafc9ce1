/**
 * The search index as `astro build` leaves it for the search fixture: what is
 * indexed (article text and sources, not chrome or drafts), with which
 * metadata and filters, and which pages reference Pagefind at all.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, type BuildResult } from '../helpers/site.ts';
import { elements, page } from '../helpers/html.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Array<{ id: string; location: number }>;
}

/** Every fragment Pagefind wrote, decoded (gzip, then a 12-byte signature, then JSON). */
async function readFragments(outDir: string): Promise<Map<string, Fragment>> {
  const folder = join(outDir, 'pagefind', 'fragment');
  const all = await Promise.all(
    (await readdir(folder)).map(async (file) => JSON.parse(gunzipSync(await readFile(join(folder, file))).subarray(12).toString('utf8')) as Fragment),
  );
  return new Map(all.map((fragment) => [fragment.url, fragment]));
}

describe('search index of the fixture site', () => {
  let build: BuildResult;
  let fragments: Map<string, Fragment>;
  beforeAll(async () => {
    build = await buildSite(fixture('site-search'));
    expect(build.ok, build.output).toBe(true);
    fragments = await readFragments(build.outDir);
  }, 120_000);

  it('logs how many pages were indexed, how fast and how big', () => {
    expect(build.output).toMatch(/\[explainers:pagefind\] Indexed 15 pages in \d+\.\d\d s \(index [\d.]+ k?B, [\d.]+ k?B per page\)\./);
  });

  it('indexes every published explainer and nothing else', () => {
    const urls = [...fragments.keys()].sort();
    expect(urls.filter((url) => !url.startsWith('/explainers/harbour-note-'))).toEqual([
      '/explainers/ceasefire-lines/',
      '/explainers/grain-corridor/',
      '/explainers/lighthouse-clause/',
      '/explainers/snapback-sanctions/',
    ]);
    expect(urls).toHaveLength(15);
    const everything = [...fragments.values()].map((f) => f.content).join(' ');
    expect(everything).not.toContain('unpublished marmalade');
  });

  it('indexes the article and its Sources list, not the header, footer or citation chrome', () => {
    const content = fragments.get('/explainers/lighthouse-clause/')?.content ?? '';
    expect(content).toMatch(/^The lighthouse clause in the Baltic shipping accord\./);
    expect(content).toContain('quadrilateral lighthouse clause');
    expect(content).toContain('Baltic Pilotage Register, annual edition');
    expect(content).toContain('Nordic Maritime Review');
    expect(content).not.toContain('Skip to content');
    expect(content).not.toContain('Every claim on this site links to its source');
    expect(content).not.toMatch(/\[\d\]|Cited in text|↩/);
  });

  it('tags metadata, filters and the Analysis block of each article', () => {
    const snapback = fragments.get('/explainers/snapback-sanctions/');
    expect(snapback?.meta).toMatchObject({
      title: 'How snapback sanctions on Iran would work',
      summary: 'A mechanism in the 2015 nuclear deal lets any original party restore UN sanctions.',
      date: '2024-09-03',
      dateLabel: '3 September 2024',
    });
    expect(snapback?.filters).toEqual({ topic: ['Iran', 'Sanctions'], year: ['2024'], publisher: ['Meridian Ledger', 'Arms Control Association'] });
    const ids = snapback?.anchors.map((a) => a.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['analysis-block-1', 'analysis-block-1-end', 'sources-heading']));
    const words = snapback?.content.split(/\s+/) ?? [];
    const start = snapback?.anchors.find((a) => a.id === 'analysis-block-1')?.location ?? -1;
    const end = snapback?.anchors.find((a) => a.id === 'analysis-block-1-end')?.location ?? -1;
    expect(words.slice(start, end).join(' ')).toMatch(/^We read the threat of snapback as pendulum diplomacy.*file\.$/);
  });

  it('marks only article pages for indexing, and only the search page loads search code', async () => {
    const article = await page(build.outDir, 'explainers/grain-corridor');
    const bodies = elements(article, (el) => el.properties.dataPagefindBody !== undefined);
    expect(bodies.map((el) => el.tagName)).toEqual(['article']);
    for (const path of ['', 'search', 'explainers/grain-corridor']) {
      const html = await page(build.outDir, path);
      expect(html, path).not.toContain('/pagefind/');
      if (path !== 'explainers/grain-corridor') expect(html, path).not.toContain('data-pagefind-body');
    }
    const scripts = elements(await page(build.outDir, 'search'), (el) => el.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(String(scripts[0]?.properties.src)).toMatch(/^\/_astro\/.+\.js$/);
    // Articles load only their own source-card module (and carry JSON-LD data), never the search code.
    const articleScripts = elements(article, (el) => el.tagName === 'script' && el.properties.type !== 'application/ld+json');
    expect(articleScripts.map((el) => String(el.properties.src))).not.toContain(String(scripts[0]?.properties.src));
    expect(articleScripts).toHaveLength(1);
  });

  it('puts a plain GET search form in the header of every page', async () => {
    for (const path of ['', 'search', 'explainers/grain-corridor']) {
      const forms = elements(await page(build.outDir, path), (el) => el.tagName === 'form' && el.properties.action === '/search/');
      expect(forms.length, path).toBeGreaterThanOrEqual(1);
      expect(forms[0]?.properties.method).toBe('get');
    }
  });
});
