/** The render plugin on its own: mdast in, HTML out, through the same remark/rehype chain. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkCitations, type CitationData } from '../../src/citations/remark-citations.ts';

function render(markdown: string, sources = [{ id: 'a', title: 'Alpha' }, { id: 'b', title: 'Beta' }]) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { sources } } } });
  const html = String(unified().use(remarkParse).use(remarkGfm).use(remarkCitations).use(remarkRehype).use(rehypeStringify).processSync(file));
  const astro = file.data.astro as { frontmatter: { citations: CitationData } };
  return { html, citations: astro.frontmatter.citations };
}

describe('remarkCitations', () => {
  it('renders a marker that links to the source entry, with its own id', () => {
    const { html } = render('A claim [@a].');
    expect(html).toBe('<p>A claim<sup class="cite">[<a href="#source-a" id="cite-a-1" class="cite-link" aria-label="Source 1: Alpha" data-source="a">1</a>]</sup>.</p>');
  });

  it('records first-use order and use counts for the Sources list', () => {
    const { citations } = render('One [@b]. Two [@a; @b]. Three [@a, p. 2].');
    expect(citations).toEqual({ order: ['b', 'a'], uses: { b: 2, a: 2 } });
  });

  it('works inside emphasis, lists and tables', () => {
    const { html } = render('*Stressed [@a]*\n\n- item [@b]\n\n| x |\n| - |\n| cell [@a] |');
    expect(html.match(/class="cite-link"/g)).toHaveLength(3);
  });

  it('renders an unknown id as a visible gap, never a dead link', () => {
    const { html } = render('Claim [@nope].');
    expect(html).toContain('<span class="cite-unknown" title="Unknown source nope">?</span>');
    expect(html).not.toContain('href="#source-nope"');
  });

  it('leaves malformed citations as written (the checker reports them)', () => {
    expect(render('Broken [@ a] here.').html).toBe('<p>Broken [@ a] here.</p>');
  });
});
