/** The render plugin on its own: Markdown in, HTML out, through Sätteri as Astro runs it. */
import { markdownToHtml as toHtml, mdxToJs as toJs, type CompileOptions, type Data, type MarkdownToHtmlResult, type MdxToJsResult } from 'satteri';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import type { CitationData } from '../../src/citations/markers.ts';
import { satteriCitations } from '../../src/citations/satteri-citations.ts';

const SOURCES = [{ id: 'a', title: 'Alpha' }, { id: 'b', title: 'Beta' }];

// The plugin is synchronous, so Sätteri returns results, not promises.
const markdownToHtml = (source: string, options: CompileOptions) => toHtml(source, options) as MarkdownToHtmlResult;
const mdxToJs = (source: string, options: CompileOptions) => toJs(source, options) as MdxToJsResult;

/** The data bag Astro passes each document: here only the frontmatter matters. */
const astroData = (sources: unknown) => ({ astro: { frontmatter: { sources } as Record<string, unknown> } }) as Data & { astro: { frontmatter: Record<string, unknown> } };

/** The text a reader sees (no JavaScript, print): every text node of the HTML. */
function fromHtmlText(html: string): string {
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'text') out.push(node.value!);
    node.children?.forEach((child) => walk(child as typeof node));
  };
  walk(fromHtml(html, { fragment: true }));
  return out.join('');
}

function render(markdown: string, sources: unknown = SOURCES) {
  const data = astroData(sources);
  const { html } = markdownToHtml(markdown, { mdastPlugins: [satteriCitations()], data });
  return { html: html.trim(), citations: data.astro.frontmatter.citations as CitationData };
}

describe('satteriCitations', () => {
  it('renders a marker that links to the source entry, with its own id', () => {
    const { html } = render('A claim [@a].');
    expect(html).toBe('<p>A claim<sup class="cite">[<a href="#source-a" id="cite-a-1" class="cite-link" aria-label="Source 1: Alpha" data-source="a">1</a>]</sup>.</p>');
  });

  it('records first-use order, use counts and each use\'s locator for the Sources list', () => {
    const { citations } = render('One [@b]. Two [@a; @b]. Three [@a, p. 2].');
    expect(citations).toEqual({ order: ['b', 'a'], uses: { b: 2, a: 2 }, locators: { b: ['', ''], a: ['', 'p. 2'] } });
  });

  it('shows a locator as text in the marker, after the number the gate checks', () => {
    const { html } = render('A claim [@a, p. 4].');
    expect(html).toBe('<p>A claim<sup class="cite">[<a href="#source-a" id="cite-a-1" class="cite-link" aria-label="Source 1: Alpha" data-source="a" data-locator="p. 4">1</a>,\u00a0<span class="cite-locator">p. 4</span>]</sup>.</p>');
    expect(fromHtmlText(html)).toBe('A claim[1,\u00a0p. 4].');
  });

  it('sorts a group by number, keeping the numbers of first use', () => {
    // b is cited first, so it is 1; the group cites a (2) and b (1) and reads [1, 2].
    const { html, citations } = render('First [@b]. Then [@a; @b].');
    expect(citations.order).toEqual(['b', 'a']);
    expect(fromHtmlText(html)).toBe('First[1]. Then[1, 2].');
    // A group of new sources is numbered in written order, so it reads ascending too.
    expect(fromHtmlText(render('Both [@b; @a].').html)).toBe('Both[1, 2].');
  });

  it('sets items apart with semicolons when a locator has its own comma', () => {
    const { html } = render('One [@a]. Two [@b, ch. 2; @a, p. 4].');
    expect(fromHtmlText(html)).toBe('One[1]. Two[1,\u00a0p. 4; 2,\u00a0ch. 2].');
  });

  it('records an empty citation list for a document that cites nothing', () => {
    const { html, citations } = render('No sources cited here, and no at sign.');
    expect(html).toBe('<p>No sources cited here, and no at sign.</p>');
    expect(citations).toEqual({ order: [], uses: {}, locators: {} });
  });

  it('numbers each document on its own', () => {
    const plugin = satteriCitations();
    const first = astroData(SOURCES);
    const second = astroData(SOURCES);
    markdownToHtml('Claim [@b].', { mdastPlugins: [plugin], data: first });
    const { html } = markdownToHtml('Claim [@a].', { mdastPlugins: [plugin], data: second });
    expect(html).toContain('aria-label="Source 1: Alpha"');
    expect(second.astro.frontmatter.citations).toEqual({ order: ['a'], uses: { a: 1 }, locators: { a: [''] } });
  });

  it('works inside emphasis, lists and tables', () => {
    const { html } = render('*Stressed [@a]*\n\n- item [@b]\n\n| x |\n| - |\n| cell [@a] |');
    expect(html.match(/class="cite-link"/g)).toHaveLength(3);
  });

  it('leaves citations inside links and code as written', () => {
    const { html, citations } = render('See [the report [@a]](https://example.test/r) and `[@b]`.');
    expect(html).toContain('<a href="https://example.test/r">the report [@a]</a>');
    expect(html).toContain('<code>[@b]</code>');
    expect(citations).toEqual({ order: [], uses: {}, locators: {} });
  });

  it('renders markers inside MDX components, and escapes source titles', () => {
    const data = astroData([{ id: 'a', title: 'A "quoted" <title>' }]);
    const { code } = mdxToJs('<Analysis>\nOur reading [@a].\n</Analysis>\n', { mdastPlugins: [satteriCitations()], data });
    expect(code).toContain('"aria-label": "Source 1: A \\"quoted\\" <title>"');
    expect(code).toMatch(/_jsx\(Analysis, \{ children: _jsxs\(_components\.p, \{ children: \[\s*"Our reading",\s*_jsxs\(_components\.sup/);
  });

  it('renders an unknown id as a visible gap, never a dead link', () => {
    const { html } = render('Claim [@nope].');
    expect(html).toContain('<span class="cite-unknown" title="Unknown source nope">?</span>');
    expect(html).not.toContain('href="#source-nope"');
  });

  it('escapes a title in the label of a rendered page', () => {
    const { html } = render('Claim [@x].', [{ id: 'x', title: '<script>alert(1)</script> & "q"' }]);
    // Inside a quoted attribute only `"` and `&` need escaping; `<` is plain text there.
    expect(html).toContain('aria-label="Source 1: <script>alert(1)</script> &amp; &quot;q&quot;" data-source="x"');
    const tags: string[] = [];
    const walk = (node: { type: string; tagName?: string; children?: unknown[] }): void => {
      if (node.type === 'element') tags.push(node.tagName!);
      node.children?.forEach((child) => walk(child as typeof node));
    };
    walk(fromHtml(html, { fragment: true }));
    expect(tags).toEqual(['p', 'sup', 'a']);
  });

  it('leaves malformed citations as written (the checker reports them)', () => {
    expect(render('Broken [@ a] here.').html).toBe('<p>Broken [@ a] here.</p>');
  });
});
