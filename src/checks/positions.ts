/**
 * Positions in the explainer file, kept for every node.
 *
 * Some remark extensions build nodes without positions: remark-gfm's bare-URL
 * autolinks split a text node into text, link and text with none. A rule that
 * reads such a node would report at line 1, or miss a citation altogether, so
 * the parse restores them (`fillPositions`) before any rule runs.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { placer, type Place } from '../schema/place.ts';

const startOf = (node: Nodes): number | undefined => node.position?.start.offset;
const endOf = (node: Nodes): number | undefined => node.position?.end.offset;

/**
 * Give every node without a position the span it came from: a text is found
 * verbatim between its neighbours when it can be, else it gets the gap between
 * them. Linear: each gap is searched once.
 */
export function fillPositions(tree: Root, source: string, place: (offset: number) => Place = placer(source)): void {
  const set = (node: Nodes, start: number, end: number): void => {
    const a = place(start);
    const b = place(end);
    node.position = { start: { ...a, offset: start }, end: { ...b, offset: end } };
  };
  const visit = (parent: Parent, from: number, to: number): void => {
    let cursor = from;
    const children = parent.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const start = startOf(child);
      if (start === undefined) {
        let next = to;
        for (let j = i + 1; j < children.length; j++) {
          const s = startOf(children[j]!);
          if (s !== undefined) {
            next = s;
            break;
          }
        }
        if (child.type === 'text' && child.value) {
          // Searched within the gap only, so the whole fill stays linear.
          const found = source.slice(cursor, next).indexOf(child.value);
          if (found !== -1) set(child, cursor + found, cursor + found + child.value.length);
          else set(child, cursor, next);
        } else if ('children' in child) {
          visit(child as Parent, cursor, next);
          const kids = (child as Parent).children as Nodes[];
          set(child, kids.length ? startOf(kids[0]!)! : cursor, kids.length ? endOf(kids.at(-1)!)! : cursor);
        } else set(child, cursor, cursor);
      } else if ('children' in child) visit(child as Parent, start, endOf(child) ?? start);
      cursor = endOf(child) ?? cursor;
    }
  };
  visit(tree, 0, source.length);
}

/**
 * Where the character `at` of a text node's value sits in the file. Exact when
 * the source spells the value as it is; otherwise (escapes, entities) the value
 * is walked against the source, skipping what the parser dropped.
 */
export function valueOffset(source: string, start: number, end: number, value: string, at: number): number {
  if (end - start === value.length) return start + at;
  let j = start;
  for (let i = 0; i < at && j < end; i++) {
    // A character the source spells longer (`\[`, `&#91;`): skip ahead, a few characters at most.
    let k = j;
    while (k < end && k - j < 8 && source[k] !== value[i]) k++;
    j = (source[k] === value[i] ? k : j) + 1;
  }
  return Math.min(j, end);
}
