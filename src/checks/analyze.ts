/**
 * One walk over an article's mdast tree that gathers what the rules need:
 * every citation use (with its file position), every near-miss of the
 * syntax, the claim blocks and whether each cites a source, and the
 * Analysis blocks. Rules are then small functions over this summary.
 *
 * A claim block is the innermost block that holds text of its own: a
 * paragraph (in a list item, a quote, a caption or on its own), a table body
 * row, or an element such as <figcaption> written on one line. Containers are
 * never claims themselves, so a cited quote or list item covers nothing
 * inside it: each block is judged on its own text, read from the tree (never
 * from the raw source, where comments and markup would look like text).
 */
import type { Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { hasClaimText } from '../citations/claim-text.ts';
import { CONTENT_COMPONENTS } from '../schema/dialect.ts';
import { placer, type Place } from '../schema/place.ts';
import { OPAQUE, scanCitations, type CitationUse, type SyntaxProblem } from './citation-scan.ts';
import { end, start, textRun, type TextRun } from './text-run.ts';


export type { CitationUse, SyntaxProblem } from './citation-scan.ts';
export { runOffset, type TextRun } from './text-run.ts';

/** A block that states something and therefore needs a source. */
export interface ClaimBlock {
  kind: 'paragraph' | 'list item' | 'table row' | 'blockquote' | 'figure caption' | 'image';
  place: Place;
  /** Source offset ranges of the block's own text (a list item's sub-lists are not its own). */
  ranges: Array<[number, number]>;
  cited: boolean;
  /** It holds a citation written wrong whose source is clear: reported as that, not as uncited. */
  attempted: boolean;
  /** The block's inline text (citations included), for sentence-level checks; undefined for rows. */
  run?: TextRun;
  /** What a reader reads, citations as written; a table row's cells joined by " · ". */
  readonly text: string;
  /** The heading the block stands under, when there is one. */
  section?: string;
}

/** An `<Analysis>` block. */
export interface AnalysisBlock {
  place: Place;
  words: number;
  /** Its text, paragraphs apart. */
  text: string;
}

/** Everything the rules read about an article body. */
export interface BodySummary {
  uses: CitationUse[];
  problems: SyntaxProblem[];
  claims: ClaimBlock[];
  analyses: AnalysisBlock[];
  words: number;
  /** Maps a source offset to a file position (built once per article, shared by the rules). */
  place: (offset: number) => Place;
}

const WORD = /[\p{L}\p{N}]+/gu;
const JSX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

type Jsx = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
const isJsx = (node: Nodes): node is Jsx => JSX.has(node.type);
const isAnalysis = (node: Nodes) => isJsx(node) && node.name !== null && Object.hasOwn(CONTENT_COMPONENTS, node.name);

/** Inline content: what a paragraph, a cell or a one-line element holds. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression']);

/** Summarise an article body for the rules. `source` is the whole file text; `place` maps its offsets. */
export function summarize(tree: Root, source: string, place: (offset: number) => Place = placer(source)): BodySummary {
  const summary: BodySummary = { uses: [], problems: [], claims: [], analyses: [], words: 0, place };

  // Pass 1: citations and near-misses in every text node, read as the renderer reads it.
  const { uses, problems, citing, attempted, prose } = scanCitations(tree, source, place);
  summary.uses = uses;
  summary.problems = problems;

  /** Does this inline content say anything, and does it cite? */
  const inspect = (nodes: readonly Nodes[]) => {
    let text = false;
    let image = false;
    let cited = false;
    let tried = false;
    let words = 0;
    const visit = (n: Nodes) => {
      if (n.type === 'text' || n.type === 'inlineCode') {
        const value = prose.get(n) ?? n.value;
        text ||= hasClaimText(value);
        words += value.match(WORD)?.length ?? 0;
        if (citing.has(n)) cited = true;
        if (attempted.has(n)) tried = true;
        return;
      }
      // An image says something too: it needs a cited caption like any text.
      if (n.type === 'image' || n.type === 'imageReference' || (isJsx(n) && n.name === 'img')) image = true;
      // Analysis inside a sentence neither needs nor lends a citation (the dialect refuses it there anyway).
      if (OPAQUE.has(n.type) || isAnalysis(n)) return;
      if ('children' in n) for (const child of n.children) visit(child as Nodes);
    };
    nodes.forEach(visit);
    return { text, image, cited, tried, words };
  };

  const claim = (kind: ClaimBlock['kind'], at: Nodes, nodes: readonly Nodes[], run: boolean, citedBy: readonly Nodes[] = nodes, separator = '') => {
    const own = inspect(nodes);
    const { text, image, words } = own;
    summary.words += words;
    if ((!text && !image) || nodes.length === 0) return;
    const ranges: Array<[number, number]> = [[start(nodes[0]!), end(nodes.at(-1)!)]];
    const by = citedBy === nodes ? own : inspect(citedBy);
    const cited = by.cited;
    let shown: string | undefined;
    summary.claims.push({
      kind: text ? kind : 'image',
      place: place(start(at)),
      ranges,
      cited,
      attempted: by.tried,
      run: run ? textRun(nodes, source) : undefined,
      // Only reports and a few rules read it: worked out on first use, not for every claim of every check.
      get text() {
        return (shown ??= nodes.map((node) => toString(node)).join(separator).replace(/\s+/g, ' ').trim());
      },
      section,
    });
  };
  /** The text of the last heading outside Analysis: the section a claim stands in. */
  let section: string | undefined;

  /** Where a block sits: its container's kind, and the container itself while the block is its first. */
  interface Context {
    kind: ClaimBlock['kind'];
    first?: Nodes;
  }

  const walk = (node: Nodes, context: Context) => {
    if (node.type === 'heading') section = toString(node).trim() || section;
    if (OPAQUE.has(node.type) || node.type === 'heading') return;
    const at = context.first ?? node;
    if (isAnalysis(node)) {
      const children = (node as Parent).children as Nodes[];
      summary.analyses.push({ place: place(start(node)), words: inspect(children).words, text: children.map((child) => toString(child).trim()).filter(Boolean).join('\n\n') });
      return;
    }
    if (node.type === 'paragraph') return claim(context.kind, at, node.children, true);
    if (node.type === 'table') {
      // Cells beyond the header's are not rendered (GFM), so they cannot cite for the row.
      const columns = node.children[0]?.children.length ?? 0;
      for (const row of node.children.slice(1)) claim('table row', row, row.children.slice(0, columns), false, row.children.slice(0, columns), ' · ');
      return;
    }
    // An image on its own needs a caption that cites; in a <figure>, its <figcaption> is that caption.
    if (isJsx(node) && node.name === 'img') return claim('image', at, [node], false, figure ? [figure] : [node]);
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    if (isJsx(node) && node.name === 'figure') figure = node;
    let kind = context.kind;
    if (node.type === 'listItem') kind = 'list item';
    else if (node.type === 'blockquote') kind = 'blockquote';
    else if (isJsx(node) && node.name === 'figcaption') kind = 'figure caption';
    const container = node.type === 'listItem' || node.type === 'blockquote' || kind === 'figure caption';
    // An element written on one line holds inline content directly: that content is a block of its own.
    const inline = isJsx(node) ? children.filter((child) => PHRASING.has(child.type)) : [];
    if (inline.length) claim(kind, at, inline, true);
    const own = new Set(inline);
    children.forEach((child, i) => {
      if (!own.has(child)) walk(child, { kind, first: container && i === 0 ? node : undefined });
    });
    if (figure === node) figure = undefined;
  };
  /** The <figure> being walked, whose caption may cite for its images. */
  let figure: Nodes | undefined;
  for (const child of tree.children) walk(child as Nodes, { kind: 'paragraph' });
  summary.words += summary.analyses.reduce((n, a) => n + a.words, 0);
  return summary;
}
