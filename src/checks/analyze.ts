/**
 * One walk over an article's mdast tree that gathers what the rules need:
 * every citation use (with its file position), every near-miss of the
 * syntax, the claim blocks and whether each cites a source, and the
 * Analysis blocks. Rules are then small functions over this summary.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { parseCitations } from '../citations/parse.ts';
import type { Place } from './report.ts';

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
  kind: 'paragraph' | 'list item' | 'table row' | 'blockquote' | 'figure caption';
  place: Place;
  /** Source offset ranges that belong to this claim (a list item excludes its sub-lists). */
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

const OPAQUE = new Set(['yaml', 'code', 'inlineCode', 'html', 'link', 'linkReference', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const WORD = /[\p{L}\p{N}]+/gu;

/** Map source offsets to 1-based line/column. */
export function placeFinder(source: string): (offset: number) => Place {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

const isElement = (node: Nodes, name: string) =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;

const start = (node: Nodes) => node.position?.start.offset ?? 0;
const end = (node: Nodes) => node.position?.end.offset ?? 0;

/** Summarise an article body for the rules. `source` is the whole file text. */
export function summarize(tree: Root, source: string): BodySummary {
  const place = placeFinder(source);
  const summary: BodySummary = { uses: [], problems: [], claims: [], analyses: [], words: 0, place };
  const citedOffsets: number[] = [];

  // Pass 1: citations and near-misses in every scannable text node.
  const scan = (node: Nodes) => {
    if (OPAQUE.has(node.type)) return;
    if (node.type === 'text') {
      const offset = start(node);
      const raw = source.slice(offset, end(node));
      const { groups, problems } = parseCitations(raw);
      for (const group of groups) {
        citedOffsets.push(offset + group.start);
        for (const item of group.items) summary.uses.push({ id: item.id, locator: item.locator, place: place(offset + item.start) });
      }
      for (const problem of problems) {
        citedOffsets.push(offset + problem.start);
        summary.problems.push({ message: problem.message, hint: problem.hint, place: place(offset + problem.start) });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) scan(child as Nodes);
  };
  scan(tree);

  // Offsets are collected in document order, so a binary search answers "any citation in [s, e)?".
  citedOffsets.sort((a, b) => a - b);
  const firstAtOrAfter = (value: number) => {
    let lo = 0;
    let hi = citedOffsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (citedOffsets[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const hasCitation = (ranges: Array<[number, number]>) =>
    ranges.some(([s, e]) => {
      const i = firstAtOrAfter(s);
      return i < citedOffsets.length && citedOffsets[i]! < e;
    });
  const claim = (kind: ClaimBlock['kind'], node: Nodes, ranges: Array<[number, number]>, run?: TextRun) => {
    if (!ranges.some(([s, e]) => /[\p{L}\p{N}]/u.test(plain(source.slice(s, e))))) return;
    summary.claims.push({ kind, place: place(start(node)), ranges, cited: hasCitation(ranges), run });
  };

  // Pass 2: claim blocks. `inClaim` stops nested paragraphs from counting twice.
  const walk = (node: Nodes, inClaim: boolean, inAnalysis: boolean) => {
    if (OPAQUE.has(node.type) || node.type === 'heading') return;
    if (isElement(node, 'Analysis')) {
      const words = countWords(node);
      summary.analyses.push({ place: place(start(node)), words });
      return;
    }
    if (node.type === 'paragraph' && !inClaim && !inAnalysis) {
      summary.words += countWords(node);
      // `<figcaption>text</figcaption>` on one line parses as a paragraph holding the element.
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const kind = only && isElement(only as Nodes, 'figcaption') ? 'figure caption' : 'paragraph';
      claim(kind, node, [[start(node), end(node)]], textRun(node, source));
      return;
    }
    if (node.type === 'listItem' && !inAnalysis) {
      const own = node.children.filter((child) => child.type !== 'list');
      const ranges = own.map((child): [number, number] => [start(child), end(child)]);
      const first = own.find((child) => child.type === 'paragraph');
      summary.words += own.reduce((n, child) => n + countWords(child), 0);
      claim('list item', node, ranges, first ? textRun(first, source) : undefined);
      for (const child of node.children) if (child.type === 'list') walk(child, false, inAnalysis);
      return;
    }
    if (node.type === 'blockquote' && !inClaim && !inAnalysis) {
      summary.words += countWords(node);
      claim('blockquote', node, [[start(node), end(node)]]);
      return;
    }
    if (node.type === 'table' && !inAnalysis) {
      node.children.slice(1).forEach((row) => claim('table row', row, [[start(row), end(row)]]));
      summary.words += countWords(node);
      return;
    }
    if (isElement(node, 'figcaption') && !inAnalysis) {
      claim('figure caption', node, [[start(node), end(node)]]);
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, inClaim, inAnalysis);
  };
  walk(tree, false, false);
  summary.words += summary.analyses.reduce((n, a) => n + a.words, 0);
  return summary;
}

/** Source text without citation groups and Markdown punctuation, for "is there any text" tests. */
function plain(raw: string): string {
  return raw.replace(/\[\s*@[^\]]*\]/g, '').replace(/\]\([^)]*\)/g, ']').replace(/!\[[^\]]*\]/g, '').replace(/<[^>]*>/g, '');
}

function countWords(node: Nodes): number {
  let words = 0;
  const visit = (n: Nodes) => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      words += n.value.replace(/\[\s*@[^\]]*\]/g, '').match(WORD)?.length ?? 0;
      return;
    }
    if ('children' in n) for (const child of (n as Parent).children) visit(child as Nodes);
  };
  visit(node);
  return words;
}

/** Flatten a paragraph's inline text, keeping a map back to source offsets. */
function textRun(node: Nodes, source: string): TextRun {
  const run: TextRun = { text: '', segments: [] };
  const visit = (n: Nodes) => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      // Text values are mapped to their raw source so positions stay exact.
      const raw = n.type === 'text' ? source.slice(start(n), end(n)) : n.value;
      run.segments.push({ at: run.text.length, offset: start(n) });
      run.text += raw;
      return;
    }
    if ('children' in n) for (const child of (n as Parent).children) visit(child as Nodes);
  };
  visit(node);
  return run;
}

/** Source offset of position `at` in a text run. */
export function runOffset(run: TextRun, at: number): number {
  let segment = run.segments[0] ?? { at: 0, offset: 0 };
  for (const s of run.segments) if (s.at <= at) segment = s;
  return segment.offset + (at - segment.at);
}
