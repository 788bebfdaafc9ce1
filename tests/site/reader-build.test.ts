/**
 * The reader features in the built HTML of a fixture site: source summary and
 * health, sharing metadata, JSON-LD, the cite block, CSL-JSON, feed, sitemap,
 * the CSP meta, and what happens without (or with a broken) link-rot file.
 * Sharing with an explainer's own picture: tests/site/sharing-build.test.ts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, type BuildResult } from '../helpers/site.ts';
import { classes, elements, page, text } from '../helpers/html.ts';

const SITE_URL = 'https://reader.example';
const read = (build: BuildResult, path: string) => readFile(join(build.outDir, path), 'utf8');
const health = (html: string) => elements(html, (el) => classes(el).includes('source__health')).map(text);
const meta = (html: string, key: string) =>
  elements(html, (el) => el.tagName === 'meta' && (el.properties.property === key || el.properties.name === key)).map((el) => String(el.properties.content));

describe('reader features in the built site', () => {
  let build: BuildResult;
  let html: string;
  beforeAll(async () => {
    build = await buildSite(fixture('site-reader'), { LINKROT_STATE: fixture('site-reader', 'linkrot-state.json'), SITE_URL });
    expect(build.ok, build.output).toBe(true);
    html = await page(build.outDir, 'explainers/alpha-deal');
  }, 120_000);

  it('summarises the sources above the list and labels each by type', () => {
    const summary = elements(html, (el) => classes(el).includes('sources__summary')).map(text);
    expect(summary).toEqual(['4 sources from 3 publishers: 1 primary document, 1 official statement, 1 news report, 1 analysis. What the labels mean']);
    expect(elements(html, (el) => classes(el).includes('source__type')).map(text)).toEqual(['Primary document', 'News', 'Analysis', 'Official']);
  });

  it('shows source health from the link-rot file, pointing to archived copies', () => {
    expect(health(html)).toEqual([
      'Original no longer available (checked 2 December 2025). Read the archived copy.',
      'May have changed since cited (checked 1 December 2025).',
      'Link working (checked 1 December 2025).',
    ]);
  });

  it('links the archived copy the link checker found, and stays quiet about one-off failures', async () => {
    const beta = await page(build.outDir, 'explainers/beta-talks');
    expect(health(beta)).toEqual([
      'Original no longer available (checked 2 December 2025).',
      'Original no longer available (checked 1 December 2025). Read the archived copy. Archived copy found by our link check',
    ]);
    const suggested = elements(beta, (el) => el.tagName === 'a' && classes(el).includes('source__archived'));
    expect(suggested.map((el) => [el.properties.href, el.properties.rel])).toEqual([
      ['https://web.archive.org/web/20251125000000/https://wire.example.test/europe-reply', ['noopener', 'noreferrer']],
    ]);
    expect(health(await page(build.outDir, 'explainers/gamma-energy'))).toEqual([]);
  });

  it('has canonical, Open Graph and Twitter card metadata with absolute URLs', () => {
    const canonical = elements(html, (el) => el.tagName === 'link' && String(el.properties.rel) === 'canonical').map((el) => el.properties.href);
    expect(canonical).toEqual([`${SITE_URL}/explainers/alpha-deal/`]);
    expect(meta(html, 'og:url')).toEqual([`${SITE_URL}/explainers/alpha-deal/`]);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:title')).toEqual(['Deal text </script> & what it means']);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    // The site's default card: absolute, sized, described, and the same for Twitter.
    expect(meta(html, 'og:image')).toEqual([`${SITE_URL}/social/default.png`]);
    expect(meta(html, 'twitter:image')).toEqual([`${SITE_URL}/social/default.png`]);
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual([['1200'], ['630']]);
    expect(meta(html, 'og:image:alt')[0]).toMatch(/^Sourced Explainers/);
    expect(meta(html, 'article:modified_time')).toEqual(['2025-11-24']);
    expect(meta(html, 'article:tag')).toEqual(['Peace talks', 'NATO']);
  });

  it('says the same language in og:locale as in <html lang>, on every kind of page', async () => {
    for (const path of ['', 'explainers/alpha-deal', 'topics/nato', 'sources', 'search', 'methodology']) {
      const body = path === 'explainers/alpha-deal' ? html : await page(build.outDir, path);
      const lang = String(elements(body, (el) => el.tagName === 'html')[0]?.properties.lang);
      expect(lang, path).toBe('en-GB');
      expect(meta(body, 'og:locale').map((locale) => locale.replace('_', '-')), path).toEqual([lang]);
      expect(meta(body, 'og:image'), path).toEqual([`${SITE_URL}/social/default.png`]);
    }
  });

  it('embeds JSON-LD that survives a </script> in the title and lists every source as a citation', () => {
    const scripts = elements(html, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(text(scripts[0]!));
    expect(data).toMatchObject({ '@type': 'NewsArticle', headline: 'Deal text </script> & what it means', dateModified: '2025-11-24', url: `${SITE_URL}/explainers/alpha-deal/` });
    expect(data.citation.map((c: { url: string }) => c.url)).toEqual([
      'https://docs.example.test/framework.pdf',
      'https://wire.example.test/allies-react',
      'https://think.example.test/guarantees',
      'https://gov.example.test/statement',
    ]);
    // The only script elements are the data block and the bundled module file: no inline code.
    const all = elements(html, (el) => el.tagName === 'script');
    expect(all.map((el) => el.properties.type)).toEqual(['application/ld+json', 'module']);
    expect(all[1]!.properties.src).toMatch(/^\/_astro\/.+\.js$/);
  });

  it('sets a strict Content-Security-Policy meta with no unsafe sources', () => {
    const [csp] = elements(html, (el) => el.tagName === 'meta' && String(el.properties.httpEquiv).toLowerCase() === 'content-security-policy').map((el) => String(el.properties.content));
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(elements(html, (el) => typeof el.properties.style === 'string')).toEqual([]);
  });

  it('offers a reference to cite and the sources as CSL-JSON', async () => {
    const cite = elements(html, (el) => classes(el).includes('cite-this__ref')).map(text);
    expect(cite).toEqual([`Ana Lopez (2025). “Deal text </script> & what it means.” Sourced Explainers, 20 November 2025 (updated 24 November 2025). ${SITE_URL}/explainers/alpha-deal/`]);
    const link = elements(html, (el) => el.tagName === 'a' && String(el.properties.href).endsWith('sources.json'));
    expect(link.map((el) => el.properties.href)).toEqual(['/explainers/alpha-deal/sources.json']);
    const csl = JSON.parse(await read(build, 'explainers/alpha-deal/sources.json'));
    expect(csl.map((item: { id: string; type: string }) => [item.id, item.type])).toEqual([
      ['draft-text', 'document'],
      ['wire-story', 'article-newspaper'],
      ['think-piece', 'article-magazine'],
      ['ministry', 'report'],
    ]);
    expect(csl.filter((item: object) => 'genre' in item)).toEqual([]);
  });

  it('keeps dated corrections above the text and links topics to their pages', () => {
    const corrections = html.indexOf('class="corrections"');
    expect(corrections).toBeGreaterThan(0);
    expect(corrections).toBeLessThan(html.indexOf('class="prose"'));
    expect(html).toContain('<time datetime="2025-11-24">24 November 2025</time>: An earlier version gave the wrong troop ceiling.');
    expect(elements(html, (el) => el.tagName === 'a' && /^\/topics\/.+/.test(String(el.properties.href))).map((el) => el.properties.href)).toEqual(['/topics/peace-talks/', '/topics/nato/']);
  });

  it('publishes an RSS feed and a sitemap of published pages only', async () => {
    const rss = await read(build, 'rss.xml');
    expect([...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1])).toEqual([
      `${SITE_URL}/`,
      `${SITE_URL}/explainers/beta-talks/`,
      `${SITE_URL}/explainers/alpha-deal/`,
      `${SITE_URL}/explainers/gamma-energy/`,
    ]);
    expect(rss).toContain('<title>Deal text &lt;/script&gt; &amp; what it means</title>');
    const sitemap = await read(build, 'sitemap-0.xml');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toEqual(expect.arrayContaining([`${SITE_URL}/`, `${SITE_URL}/explainers/alpha-deal/`, `${SITE_URL}/sources/example-wire/`, `${SITE_URL}/topics/peace-talks/`, `${SITE_URL}/methodology/`]));
    expect(urls.join(' ')).not.toMatch(/404|draft-hidden|drafts-only|secret/);
    // lastmod: an explainer's update (else publication) date; a list's newest explainer; none for undated pages.
    const lastmod = new Map([...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1], m[2]?.slice(0, 10)]));
    expect(lastmod.get(`${SITE_URL}/explainers/alpha-deal/`)).toBe('2025-11-24');
    expect(lastmod.get(`${SITE_URL}/explainers/gamma-energy/`)).toBe('2025-10-01');
    expect(lastmod.get(`${SITE_URL}/`)).toBe('2025-11-25');
    expect(lastmod.get(`${SITE_URL}/topics/nato/`)).toBe('2025-11-24');
    expect(lastmod.get(`${SITE_URL}/methodology/`)).toBeUndefined();
    expect(await read(build, 'sitemap-index.xml')).toContain('<lastmod>2025-11-25T00:00:00.000Z</lastmod>');
    // One dc:creator per author, never names joined into one.
    expect([...rss.matchAll(/<dc:creator>([^<]+)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Explainers desk', 'Ana Lopez', 'Explainers desk']);
    const home = await page(build.outDir, '');
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="Sourced Explainers" href="/rss.xml">');
  });

  it('never shows a draft, its topics or its sources anywhere', async () => {
    for (const path of ['', 'explainers', 'topics', 'topics/energy', 'sources']) {
      const body = await page(build.outDir, path);
      expect(body, path).not.toMatch(/Unpublished draft|Drafts only|Secret/);
    }
  });
});

describe('source health without a usable link-rot file', () => {
  it('shows nothing and builds fine when the file is missing or malformed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linkrot-'));
    await writeFile(join(dir, 'broken.json'), '{"https://docs.example.test/framework.pdf": {"lastStatus": 404,');
    for (const state of [join(dir, 'missing.json'), join(dir, 'broken.json')]) {
      const build = await buildSite(fixture('site-reader'), { LINKROT_STATE: state });
      expect(build.ok, build.output).toBe(true);
      const html = await page(build.outDir, 'explainers/alpha-deal');
      expect(health(html), state).toEqual([]);
      expect(html).toContain('archived copy');
    }
  }, 240_000);
});
