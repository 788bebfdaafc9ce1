/**
 * Sharing and reuse in a built site whose explainer has its own preview
 * picture (tests/fixtures/site-sharing, its image copied into the site's
 * public/ as a writer would add it): preview tags, JSON-LD, the feed's authors,
 * CSL-JSON with names in parts, and a build that refuses a picture that is not there.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, isolatedRoot, type BuildResult } from '../helpers/site.ts';
import { elements, page, text } from '../helpers/html.ts';

const SITE_URL = 'https://share.example';
const meta = (html: string, key: string) =>
  elements(html, (el) => el.tagName === 'meta' && (el.properties.property === key || el.properties.name === key)).map((el) => String(el.properties.content));

/** Build the sharing fixture with its pictures in the site's public/ folder. */
async function buildWithPictures(contentDir: string): Promise<BuildResult> {
  const root = await isolatedRoot();
  await cp(fixture('site-sharing', 'public'), join(root, 'public'), { recursive: true });
  return buildSite(contentDir, { SITE_URL }, root);
}

describe('an explainer with its own preview picture', () => {
  let build: BuildResult;
  let html: string;
  beforeAll(async () => {
    build = await buildWithPictures(fixture('site-sharing'));
    expect(build.ok, build.output).toBe(true);
    html = await page(build.outDir, 'explainers/pictured-talks');
  }, 120_000);

  it('shows its picture, at an absolute URL, with its description, to Open Graph and Twitter', async () => {
    const url = `${SITE_URL}/images/pictured-talks.png`;
    expect(meta(html, 'og:image')).toEqual([url]);
    expect(meta(html, 'twitter:image')).toEqual([url]);
    expect(meta(html, 'og:image:alt')).toEqual(['A map of the line of contact, shaded where the drafts differ']);
    expect(meta(html, 'twitter:image:alt')).toEqual(['A map of the line of contact, shaded where the drafts differ']);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    // The picture is published where the tag says.
    expect((await readFile(join(build.outDir, 'images/pictured-talks.png'))).subarray(1, 4).toString('latin1')).toBe('PNG');
    // The explainer without one falls back to the site's card.
    expect(meta(await page(build.outDir, 'explainers/plain-note'), 'og:image')).toEqual([`${SITE_URL}/social/default.png`]);
  });

  it('gives JSON-LD the picture, the publisher’s logo, typeset text and authors’ names in parts', () => {
    const [script] = elements(html, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
    const data = JSON.parse(text(script!));
    expect(data.headline).toBe('What the “Geneva” talks agreed – so far');
    expect(meta(html, 'og:title')).toEqual([data.headline]);
    expect(data.image).toEqual({ '@type': 'ImageObject', url: `${SITE_URL}/images/pictured-talks.png` });
    expect(data.publisher.logo).toEqual({ '@type': 'ImageObject', url: `${SITE_URL}/social/logo.png`, width: 512, height: 512 });
    expect(data.citation[0].author).toEqual([
      { '@type': 'Person', name: 'Jane Roe', familyName: 'Roe', givenName: 'Jane' },
      { '@type': 'Person', name: 'John Poe', familyName: 'Poe', givenName: 'John' },
    ]);
  });

  it('names each author in the feed in a dc:creator of their own, with typeset titles', async () => {
    const rss = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
    const item = /<item><title>What the “Geneva” talks agreed – so far<\/title>[\s\S]*?<\/item>/.exec(rss)?.[0] ?? '';
    expect([...item.matchAll(/<dc:creator>([^<]+)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Ana Lopez', 'Ben Ode']);
  });

  it('exports sources for reference managers with their CSL types, containers and names', async () => {
    const csl = JSON.parse(await readFile(join(build.outDir, 'explainers/pictured-talks/sources.json'), 'utf8'));
    expect(csl.map((item: Record<string, unknown>) => [item.type, item['container-title'] ?? null, item.publisher ?? null])).toEqual([
      ['article-newspaper', 'Example Wire', null],
      ['entry-encyclopedia', 'Example Encyclopedia', null],
      // Written and published by the ministry: named once, as its author.
      ['report', null, null],
    ]);
    expect(csl[0].author).toEqual([{ family: 'Roe', given: 'Jane' }, { family: 'Poe', given: 'John' }]);
    expect(csl[2].author).toEqual([{ literal: 'Example Ministry' }]);
  });

  it('dates the pages in the sitemap', async () => {
    const sitemap = await readFile(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE_URL}/explainers/pictured-talks/</loc><lastmod>2025-11-27`);
    expect(sitemap).toContain(`<loc>${SITE_URL}/topics/energy/</loc><lastmod>2025-10-02`);
  });

  it('refuses to build when the picture is not in public/', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sharing-missing-'));
    const source = await readFile(fixture('site-sharing', 'pictured-talks.mdx'), 'utf8');
    await writeFile(join(dir, 'pictured-talks.mdx'), source.replace('/images/pictured-talks.png', '/images/not-there.png'));
    const broken = await buildWithPictures(dir);
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('✗ /images/not-there.png: page or file not found (404)');
  }, 120_000);
});
