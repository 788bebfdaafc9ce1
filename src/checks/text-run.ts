/** Inline text flattened into one string, with a map back to the file, for sentence-level rules. */
import type { Nodes, Parent } from 'mdast';
import { OPAQUE } from './citation-scan.ts';

/** A flattened run of inline text, mapped back to the source. */
export interface TextRun {
  text: string;
  /** Source offset of each run segment's first character, for mapping. */
  segments: Array<{ at: number; offset: number }>;
}

/** A node's offsets in the file (every node has them: see ./positions.ts). */
export const start = (node: Nodes) => node.position?.start.offset ?? 0;
export const end = (node: Nodes) => node.position?.end.offset ?? 0;

/** Flatten inline text, keeping a map back to source offsets. */
export function textRun(nodes: readonly Nodes[], source: string): TextRun {
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
