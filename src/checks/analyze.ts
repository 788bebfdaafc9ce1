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
import { hasClaimText } from '../citations/claim-text.ts';
import { parseCitations } from '../citations/parse.ts';
import { CONTENT_COMPONENTS } from '../schema/dialect.ts';
import { placeFinder, valueOffset } from './positions.ts';
import type { Place } from './report.ts';

export { placeFinder } from './positions.ts';

/** One `@id` inside a well-formed citation group. */
export interface CitationUse {
  id: string;
  locator?: string;
  place: Place;
}

/** A near-miss of the citation syntax. */
export interface SyntaxProblem {
  message: string;
  hint: string;
  place: Place;
}

/** A flattened run of inline text, mapped back to the source. */
export interface TextRun {
  text: string;
  /** Source offset of each run segment's first character, for mapping. */
  segments: Array<{ at: number; offset: number }>;
}

/** A block that states something and therefore needs a source. */
export interface ClaimBlock {
  kind: 'paragraph' | 'list item' | 'table row' | 'blockquote' | 'figure caption' | 'image';
  place: Place;
  /** Source offset ranges of the block's own text (a list item's sub-lists are not its own). */
  ranges: Array<[number, number]>;
  cited: boolean;
  /** The block's inline text (citations included), for sentence-level checks; undefined for rows. */
  run?: TextRun;
}

/** An `<Analysis>` block. */
export interface AnalysisBlock {
  place: Place;
  words: number;
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

/** Nodes whose text is never read as prose (code, data, refused code). */
const OPAQUE = new Set(['yaml', 'code', 'inlineCode', 'html', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'footnoteDefinition']);
/** Inline nodes whose text is shown as written, so a citation in them never becomes a marker. */
const LITERAL = new Set(['link', 'linkReference']);
const WORD = /[\p{L}\p{N}]+/gu;
const JSX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

type Jsx = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
const isJsx = (node: Nodes): node is Jsx => JSX.has(node.type);
const isAnalysis = (node: Nodes) => isJsx(node) && node.name !== null && Object.hasOwn(CONTENT_COMPONENTS, node.name);
const start = (node: Nodes) => node.position?.start.offset ?? 0;
const end = (node: Nodes) => node.position?.end.offset ?? 0;

/** Inline content: what a paragraph, a cell or a one-line element holds. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression']);

/** Summarise an article body for the rules. `source` is the whole file text. */
export function summarize(tree: Root, source: string): BodySummary {
  const place = placeFinder(source);
  const summary: BodySummary = { uses: [], problems: [], claims: [], analyses: [], words: 0, place };
  /** Text nodes holding at least one well-formed citation group (a marker on the page). */
  const citing = new WeakSet<Nodes>();

  // Pass 1: citations and near-misses in every text node, read as the renderer reads it (the value).
  const scan = (node: Nodes, literal: boolean, struck: boolean) => {
    if (OPAQUE.has(node.type)) return;
    if (node.type === 'image' && node.alt?.includes('@')) {
      if (parseCitations(node.alt).groups.length) summary.problems.push(hidden(place(start(node)), 'an image description'));
      return;
    }
    if (node.type === 'text') {
      const { groups, problems } = parseCitations(node.value);
      const at = (i: number) => place(valueOffset(source, start(node), end(node), node.value, i));
      if (literal) {
        // `https://example.org[@a]` makes the citation part of the address; `[text [@a]](url)` part of the link.
        const open = node.value.indexOf('[@');
        if (open !== -1) summary.problems.push(hidden(at(open), 'a link'));
        return;
      }
      if (struck) {
        if (groups[0]) summary.problems.push(hidden(at(groups[0].start), 'struck-through text'));
        return;
      }
      if (groups.length) citing.add(node);
      for (const group of groups) for (const item of group.items) summary.uses.push({ id: item.id, locator: item.locator, place: at(item.start) });
      for (const problem of problems) summary.problems.push({ message: problem.message, hint: problem.hint, place: at(problem.start) });
      return;
    }
    if ('children' in node) for (const child of node.children) scan(child as Nodes, literal || LITERAL.has(node.type), struck || node.type === 'delete');
  };
  scan(tree, false, false);

  /** Does this inline content say anything, and does it cite? */
  const inspect = (nodes: readonly Nodes[]) => {
    let text = false;
    let image = false;
    let cited = false;
    let words = 0;
    const visit = (n: Nodes) => {
      if (n.type === 'text' || n.type === 'inlineCode') {
        // Citation syntax is never a claim's text, wherever it stands (a crossed-out one is refused as such).
        const value = n.type === 'text' && n.value.includes('@') ? withoutGroups(n.value) : n.value;
        text ||= hasClaimText(value);
        words += value.match(WORD)?.length ?? 0;
        if (citing.has(n)) cited = true;
        return;
      }
      // An image says something too: it needs a cited caption like any text.
      if (n.type === 'image' || n.type === 'imageReference' || (isJsx(n) && n.name === 'img')) image = true;
      // Analysis inside a sentence neither needs nor lends a citation (the dialect refuses it there anyway).
      if (OPAQUE.has(n.type) || isAnalysis(n)) return;
      if ('children' in n) for (const child of n.children) visit(child as Nodes);
    };
    nodes.forEach(visit);
    return { text, image, cited, words };
  };

  const claim = (kind: ClaimBlock['kind'], at: Nodes, nodes: readonly Nodes[], run: boolean, citedBy: readonly Nodes[] = nodes) => {
    const { text, image, words } = inspect(nodes);
    summary.words += words;
    if ((!text && !image) || nodes.length === 0) return;
    const ranges: Array<[number, number]> = [[start(nodes[0]!), end(nodes.at(-1)!)]];
    const cited = citedBy === nodes ? inspect(nodes).cited : inspect(citedBy).cited;
    summary.claims.push({ kind: text ? kind : 'image', place: place(start(at)), ranges, cited, run: run ? textRun(nodes, source) : undefined });
  };

  /** Where a block sits: its container's kind, and the container itself while the block is its first. */
  interface Context {
    kind: ClaimBlock['kind'];
    first?: Nodes;
  }

  const walk = (node: Nodes, context: Context) => {
    if (OPAQUE.has(node.type) || node.type === 'heading') return;
    const at = context.first ?? node;
    if (isAnalysis(node)) {
      summary.analyses.push({ place: place(start(node)), words: inspect((node as Parent).children as Nodes[]).words });
      return;
    }
    if (node.type === 'paragraph') return claim(context.kind, at, node.children, true);
    if (node.type === 'table') {
      // Cells beyond the header's are not rendered (GFM), so they cannot cite for the row.
      const columns = node.children[0]?.children.length ?? 0;
      for (const row of node.children.slice(1)) claim('table row', row, row.children.slice(0, columns).flatMap((cell) => cell.children), false);
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

/** A citation the reader would never see as a marker. */
function hidden(at: Place, where: string): SyntaxProblem {
  const hints: Record<string, string> = {
    'a link': 'put the citation after the link, with a space before it: [link text](https://…) [@id] or https://example.org [@id]',
    'struck-through text': 'a struck-through citation supports nothing: move it out of the ~~ ~~',
  };
  return {
    message: `Citation inside ${where} is ${where === 'struck-through text' ? 'crossed out' : 'shown as plain text, not as a link to the source'}`,
    hint: hints[where] ?? 'cite the source in the caption or the text next to the image',
    place: at,
  };
}

function withoutGroups(value: string): string {
  let out = '';
  let last = 0;
  for (const group of parseCitations(value).groups) {
    out += value.slice(last, group.start);
    last = group.end;
  }
  return out + value.slice(last);
}

/** Flatten inline text, keeping a map back to source offsets. */
function textRun(nodes: readonly Nodes[], source: string): TextRun {
  const run: TextRun = { text: '', segments: [] };
  const visit = (n: Nodes) => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      // Text values are mapped to their raw source so positions stay exact.
      const raw = n.type === 'text' ? source.slice(start(n), end(n)) : n.value;
      run.segments.push({ at: run.text.length, offset: start(n) });
      run.text += raw;
      return;
    }
    if (OPAQUE.has(n.type)) return;
    if ('children' in n) for (const child of (n as Parent).children) visit(child as Nodes);
  };
  nodes.forEach(visit);
  return run;
}

/** Source offset of position `at` in a text run (binary search over its segments). */
export function runOffset(run: TextRun, at: number): number {
  const { segments } = run;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.at <= at) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo] ?? { at: 0, offset: 0 };
  return segment.offset + (at - segment.at);
}
