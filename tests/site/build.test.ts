/**
 * The real site built over fixture content: proves the citation plugin ran
 * (under Astro's Sätteri processor), numbering, links both ways, and escaping.
 */
import { readdir } from 'node:fs/promises';
import type { Root } from 'hast';
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

  it('numbers sources by first use and links each marker to its entry, groups in ascending order', () => {
    expect(markers(html)).toEqual([
      { number: '1', source: 'beta', id: 'cite-beta-1' },
      // Written [@alpha; @beta, p. 4]: alpha is first seen here (2), beta was already 1.
      { number: '1', source: 'beta', id: 'cite-beta-2' },
      { number: '2', source: 'alpha', id: 'cite-alpha-1' },
      { number: '2', source: 'alpha', id: 'cite-alpha-2' },
      { number: '3', source: 'gamma', id: 'cite-gamma-1' },
      { number: '3', source: 'gamma', id: 'cite-gamma-2' },
    ]);
  });

  it('gives markers an accessible name with the source title, and shows locators as text in the marker', () => {
    const labels = elements(html, (el) => classes(el).includes('cite-link')).map((el) => el.properties.ariaLabel);
    expect(labels).toContain('Source 1: Beta analysis');
    expect(labels).toContain('Source 2: Alpha <b>bold</b> "report"');
    // What a reader sees with no JavaScript, in print and in reader modes: sorted, with locators.
    // A no-break space holds a number to its locator.
    const groups = elements(html, (el) => el.tagName === 'sup' && classes(el).includes('cite')).map(text);
    expect(groups).toEqual(['[1]', '[1,\u00a0p. 4; 2]', '[2,\u00a0ch. 2]', '[3]', '[3]']);
  });

  it('lists sources in marker order, each linking back to every citation', () => {
    const order = [...html.matchAll(/<li id="source-([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['beta', 'alpha', 'gamma']);
    const alpha = html.slice(html.indexOf('id="source-alpha"'), html.indexOf('id="source-gamma"'));
    expect(alpha).toContain('href="#cite-alpha-1"');
    expect(alpha).toContain('href="#cite-alpha-2"');
    expect(alpha).toContain('archived copy');
    // Back-links as Wikipedia sets them, each with the locator of its citation: ^ a b (ch. 2).
    const entry = (id: string): Root => ({ type: 'root', children: [elements(html, (el) => el.properties.id === `source-${id}`)[0]!] });
    const backlinks = (id: string) => elements(entry(id), (el) => classes(el).includes('source__backlinks')).map(text)[0]?.replace(/\s+/g, ' ').trim();
    expect(backlinks('alpha')).toBe('^ a b (ch. 2)');
    expect(backlinks('beta')).toBe('^ a b (p. 4)');
    const gammaLinks = elements(entry('gamma'), (el) => classes(el).includes('source__backlink'));
    expect(gammaLinks.map((a) => [text(a), a.properties.href, a.properties.id])).toEqual([['a', '#cite-gamma-1', 'back-gamma-1'], ['b', '#cite-gamma-2', 'back-gamma-2']]);
  });

  it('links a quoted source to the quoted passage, percent-encoded, and keeps the plain address for print', () => {
    const link = elements(html, (el) => classes(el).includes('source__link') && String(el.properties.dataUrl ?? '').includes('alpha'))[0]!;
    expect(link.properties.dataUrl).toBe('https://example.test/alpha?x=1&y=<2>');
    expect(link.properties.href).toBe('https://example.test/alpha?x=1&y=<2>#:~:text=The%20cap%20is%20%3C800%2C000%3E.');
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
    expect(gfm).toMatch(/<a href="https:\/\/example\.test\/delta\/notes"[^>]*>https:\/\/example\.test\/delta\/notes<\/a>/);
    expect(markers(gfm).map((marker) => marker.id)).toEqual(['cite-delta-1', 'cite-delta-2', 'cite-delta-3', 'cite-delta-4']);
  });

  it('leaves citations in code alone', () => {
    expect(html).toContain('<code>[@alpha]</code>');
    expect(html).toMatch(/<a href="https:\/\/example.test\/link">plain link<\/a>/);
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
    // …and typeset like the body text: curly quotes.
    expect(html).toContain('Alpha &lt;b&gt;bold&lt;/b&gt; “report”');
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
    const external = [...html.matchAll(/<a [^>]*href="https?:\/\/example\.test\/(?:alpha|beta|gamma)[^"]*"[^>]*>/g)].map((m) => m[0]);
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
