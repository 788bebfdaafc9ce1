/**
 * The real site built over fixture content: proves the citation plugin ran
 * (under Astro's Sätteri processor), numbering, links both ways, and escaping.
 */
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, ROOT, type BuildResult } from '../helpers/site.ts';
import { classes, elements, fragmentLinks, ids, markers, page, text } from '../helpers/html.ts';

describe('fixture site build', () => {
  let build: BuildResult;
  let html: string;
  beforeAll(async () => {
    build = await buildSite(fixture('site-basic'));
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.ok, build.output).toBe(true);
    html = await page(build.outDir, 'explainers/markers');
  }, 120_000);

  it('numbers sources by first use and links each marker to its entry', () => {
    expect(markers(html)).toEqual([
      { number: '1', source: 'beta', id: 'cite-beta-1' },
      { number: '2', source: 'alpha', id: 'cite-alpha-1' },
      { number: '1', source: 'beta', id: 'cite-beta-2' },
      { number: '2', source: 'alpha', id: 'cite-alpha-2' },
      { number: '3', source: 'gamma', id: 'cite-gamma-1' },
      { number: '3', source: 'gamma', id: 'cite-gamma-2' },
    ]);
  });

  it('gives markers an accessible name with the source title and locator', () => {
    const labels = elements(html, (el) => classes(el).includes('cite-link')).map((el) => el.properties.ariaLabel);
    expect(labels).toContain('Source 1: Beta analysis, p. 4');
    expect(labels).toContain('Source 2: Alpha <b>bold</b> "report", ch. 2');
    const groups = elements(html, (el) => el.tagName === 'sup' && classes(el).includes('cite')).map(text);
    expect(groups).toEqual(['[1]', '[2, 1]', '[2]', '[3]', '[3]']);
  });

  it('lists sources in marker order, each linking back to every citation', () => {
    const order = [...html.matchAll(/<li id="source-([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['beta', 'alpha', 'gamma']);
    const alpha = html.slice(html.indexOf('id="source-alpha"'), html.indexOf('id="source-gamma"'));
    expect(alpha).toContain('href="#cite-alpha-1"');
    expect(alpha).toContain('href="#cite-alpha-2"');
    expect(alpha).toContain('archived copy');
  });

  it('has a target for every same-page link', () => {
    const targets = ids(html);
    const missing = fragmentLinks(html).filter((id) => !targets.has(id));
    expect(missing).toEqual([]);
  });

  it('renders GitHub-flavoured Markdown, with markers inside table cells', async () => {
    const gfm = await page(build.outDir, 'explainers/gfm');
    const cells = elements(gfm, (el) => el.tagName === 'td');
    expect(cells.map(text)).toEqual(['Troop cap', '600,000[1]', '800,000[1]']);
    // Column alignment as classes: the CSP would block Sätteri's inline style attributes.
    expect(elements(gfm, (el) => el.tagName === 'th').map(classes)).toEqual([[], ['align-center'], ['align-right']]);
    expect(gfm).not.toMatch(/\sstyle="/);
    expect(elements(gfm, (el) => el.tagName === 'del').map(text)).toEqual(['fixed deadline']);
    expect(gfm).toMatch(/<a href="https:\/\/example\.org\/delta\/notes"[^>]*>https:\/\/example\.org\/delta\/notes<\/a>/);
    expect(markers(gfm).map((marker) => marker.id)).toEqual(['cite-delta-1', 'cite-delta-2', 'cite-delta-3', 'cite-delta-4']);
  });

  it('leaves citations in code alone', () => {
    expect(html).toContain('<code>[@alpha]</code>');
    expect(html).toMatch(/<a href="https:\/\/example.org\/link">plain link<\/a>/);
    expect(html).toContain('[@beta] in a code block');
    // Everywhere else the syntax was turned into markers (a citation inside a link's text is refused by the check).
    const outsideCode = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, '');
    expect(outsideCode).not.toContain('[@');
  });

  it('escapes markup from frontmatter', () => {
    // Outside attribute values (og:title may hold a literal "<", which is inert there).
    expect(html.replace(/<meta [^>]*>/g, '')).not.toContain("<script>alert('title')</script>");
    expect(html).toContain('&lt;script&gt;');
    // Markup in a source title is text, never elements.
    expect(elements(html, (el) => el.tagName === 'b')).toEqual([]);
    expect(html).toContain('Alpha &lt;b&gt;bold&lt;/b&gt; &quot;report&quot;');
    // The only scripts are the JSON-LD data block (with "<" escaped) and the bundled source-card module.
    const scripts = elements(html, (el) => el.tagName === 'script');
    expect(scripts.map((el) => el.properties.type)).toEqual(['application/ld+json', 'module']);
    expect(text(scripts[0]!)).not.toContain('<');
    expect(scripts[1]!.properties.src).toMatch(/^\/_astro\/[^/]+\.js$/);
  });

  it('marks analysis visibly and shows corrections and dates', () => {
    // With the build's mark, which the published-page gate requires of every Analysis box.
    expect(html).toMatch(/<aside class="analysis" aria-label="Analysis" data-analysis="[\w-]{16}">/);
    expect(html).toContain('An earlier version misnamed the second source.');
    expect(html).toContain('<time datetime="2025-11-22">22 November 2025</time>');
  });

  it('gives external source links rel="noopener noreferrer"', () => {
    const external = [...html.matchAll(/<a [^>]*href="https?:\/\/example\.org\/(?:alpha|beta|gamma)[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(external.length).toBeGreaterThanOrEqual(3);
    for (const tag of external) expect(tag).toContain('rel="noopener noreferrer"');
  });
});

describe('sample site build', () => {
  it('renders every sample explainer with resolved markers and no raw citation syntax', async () => {
    const build = await buildSite(`${ROOT}/content/explainers`);
    expect(build.ok, build.output).toBe(true);
    const slugs = (await readdir(`${ROOT}/content/explainers`)).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) {
      const html = await page(build.outDir, `explainers/${slug}`);
      expect(html, slug).not.toContain('[@');
      expect(markers(html).length, slug).toBeGreaterThan(5);
      const targets = ids(html);
      expect(fragmentLinks(html).filter((id) => !targets.has(id)), slug).toEqual([]);
    }
    const home = await page(build.outDir, '');
    for (const slug of slugs) expect(home).toContain(`href="/explainers/${slug}/"`);
  }, 120_000);
});

describe('invalid frontmatter', () => {
  it('fails the build naming the file and the field', async () => {
    const build = await buildSite(fixture('site-bad-source'));
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(/bad-url\.mdx[\s\S]*url/);
    expect(build.output).toMatch(/no-title\.mdx[\s\S]*title/);
  }, 120_000);
});
