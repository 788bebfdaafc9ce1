/**
 * Sentence and heading boundaries in Pagefind's indexed text, which is the
 * page's words joined by spaces (Pagefind ends each block that lacks
 * punctuation, a heading for instance, with a full stop). Excerpts are cut
 * along these boundaries so they read as whole sentences.
 */

/** A word that ends a sentence: final `.`, `!`, `?` or `…`, perhaps followed by closing quotes or brackets. */
const ENDS = /[.!?…]["'”’)\]]*$/u;
/** Initialisms such as `U.S.` or `E.U.` end with a full stop but rarely end a sentence. */
const INITIALISM = /^[("“‘]?(?:\p{Lu}\.){2,}$/u;

/** True when `word` ends a sentence. */
export function endsSentence(word: string | undefined): boolean {
  return word !== undefined && ENDS.test(word) && !INITIALISM.test(word);
}

/** Word ranges `[start, end)` of the headings Pagefind recorded (h1–h6 with their text). */
export function headingRanges(anchors: ReadonlyArray<{ element?: string; text?: string; location: number }>): Array<[number, number]> {
  return anchors
    .filter((anchor) => /^h[1-6]$/i.test(anchor.element ?? '') && anchor.text)
    .map((anchor) => [anchor.location, anchor.location + (anchor.text ?? '').split(/\s+/).filter(Boolean).length]);
}

/** Positions a sentence never runs across: where each heading starts and ends. */
export function headingEdges(headings: ReadonlyArray<readonly [number, number]>): Set<number> {
  return new Set(headings.flat());
}

/**
 * The sentence `[start, end)` around word `location`, within `[low, high)`:
 * from just after the previous sentence end (or heading edge) to the next.
 * A heading is a sentence of its own.
 */
export function sentenceAt(words: readonly string[], location: number, low: number, high: number, edges: ReadonlySet<number>): [number, number] {
  let start = location;
  while (start > low && !edges.has(start) && !endsSentence(words[start - 1])) start--;
  let end = location + 1;
  while (end < high && !edges.has(end) && !endsSentence(words[end - 1])) end++;
  return [start, Math.min(end, high)];
}
