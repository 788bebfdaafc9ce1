/**
 * Pass 1 over an article's tree: every citation and every near-miss, read
 * from each text node's value as the renderer reads it (so `\[@a]` and
 * `&#91;@a]` count as citations, as they render), and every citation a
 * reader would never see as one (in a link, an image description, struck through).
 */
import type { Nodes, Root } from 'mdast';
import { parseCitations } from '../citations/parse.ts';
import type { Place } from '../schema/place.ts';
import { valueOffset } from './positions.ts';

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
  /** The ids the writer meant, when clear (`[@E3]` meant `e3`). */
  intended?: string[];
}

/** Nodes whose text is never read as prose (code, data, refused code). */
export const OPAQUE = new Set(['yaml', 'code', 'inlineCode', 'html', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'footnoteDefinition']);
/** Inline nodes whose text is shown as written, so a citation in them never becomes a marker. */
const LITERAL = new Set(['link', 'linkReference']);

const start = (node: Nodes) => node.position?.start.offset ?? 0;
const end = (node: Nodes) => node.position?.end.offset ?? 0;

/** What pass 1 found; `citing` holds the text nodes with at least one well-formed group (a marker on the page). */
export interface CitationScan {
  uses: CitationUse[];
  problems: SyntaxProblem[];
  citing: WeakSet<Nodes>;
  /** Text nodes with a near-miss whose meaning is clear: their block tried to cite, and is told how to fix the citation instead. */
  attempted: WeakSet<Nodes>;
  /** What a text node with citation groups says without them: read once here, so claims need not parse again. */
  prose: WeakMap<Nodes, string>;
}

/** Scan every text node of `tree` for citations; `place` maps offsets of `source` to positions. */
export function scanCitations(tree: Root, source: string, place: (offset: number) => Place): CitationScan {
  const result: CitationScan = { uses: [], problems: [], citing: new WeakSet(), attempted: new WeakSet(), prose: new WeakMap() };
  const scan = (node: Nodes, literal: boolean, struck: boolean) => {
    if (OPAQUE.has(node.type)) return;
    if (node.type === 'image' && node.alt?.includes('@')) {
      if (parseCitations(node.alt).groups.length) result.problems.push(hidden(place(start(node)), 'an image description'));
      return;
    }
    if (node.type === 'text') {
      const { groups, problems } = parseCitations(node.value);
      // Citation syntax is never a claim's text, wherever it stands (a crossed-out one is refused as such).
      if (groups.length) result.prose.set(node, withoutGroups(node.value, groups));
      const at = (i: number) => place(valueOffset(source, start(node), end(node), node.value, i));
      if (literal) {
        // `https://example.org[@a]` makes the citation part of the address; `[text [@a]](url)` part of the link.
        const open = node.value.indexOf('[@');
        if (open !== -1) result.problems.push(hidden(at(open), 'a link'));
        return;
      }
      if (struck) {
        if (groups[0]) result.problems.push(hidden(at(groups[0].start), 'struck-through text'));
        return;
      }
      if (groups.length) result.citing.add(node);
      for (const group of groups) for (const item of group.items) result.uses.push({ id: item.id, locator: item.locator, place: at(item.start) });
      for (const problem of problems) {
        result.problems.push({ message: problem.message, hint: problem.hint, place: at(problem.start), ...(problem.intended ? { intended: problem.intended } : {}) });
        if (problem.intended) result.attempted.add(node);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) scan(child as Nodes, literal || LITERAL.has(node.type), struck || node.type === 'delete');
  };
  scan(tree, false, false);
  return result;
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

/** `value` without its citation `groups` (as parsed from it): what the text says. */
function withoutGroups(value: string, groups: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let last = 0;
  for (const group of groups) {
    out += value.slice(last, group.start);
    last = group.end;
  }
  return out + value.slice(last);
}
