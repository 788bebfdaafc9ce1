/**
 * Result excerpts built from Pagefind's indexed text and match positions, as
 * plain text runs: the page builds DOM text nodes and never assigns HTML (safe
 * under a strict Content Security Policy and Trusted Types). Excerpts are whole
 * sentences where they fit, cut at a word with an ellipsis where they do not,
 * and never run a heading into the text around it.
 */
import { endsSentence, headingEdges, sentenceAt } from './sentences.ts';

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** The text an excerpt is cut from and the edges it must not cross. */
export interface ExcerptSource {
  /** Pagefind's `content` split on whitespace; match positions index into it. */
  words: readonly string[];
  /** Word ranges `[start, end)` of headings (see headingRanges). */
  headings?: ReadonlyArray<readonly [number, number]>;
  /** Word ranges shown whole when a match falls inside, never run into their neighbours (the Sources list's entries). */
  blocks?: ReadonlyArray<readonly [number, number]>;
  /** The stretch `[start, end)` of one region around a position (an Analysis block, the Sources list); the whole text when absent. */
  bounds?: (location: number) => readonly [number, number];
  /** Words before this position (the headline and summary the result already shows) are used only when nothing else matched. */
  skip?: number;
}

/** Most match positions considered when choosing the sentence to show. */
const MAX_CANDIDATES = 64;

/** A match word without the punctuation around it: `“snapback”,` → `snapback`. */
function splitWord(word: string): [before: string, core: string, after: string] {
  const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
  return core ? [before, core, after] : ['', word, ''];
}

interface Candidate {
  start: number;
  end: number;
  low: number;
  high: number;
  first: number;
  terms: Set<string>;
}

/** Better sentence first: outside the skipped headline, more distinct words matched, not a heading, earlier. */
function better(a: Candidate, b: Candidate, skip: number, headingEnds: ReadonlyMap<number, number>): boolean {
  const key = (c: Candidate) => [c.start >= skip ? 1 : 0, c.terms.size, headingEnds.get(c.start) === c.end ? 0 : 1];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! > kb[i]!;
  return a.start < b.start;
}

/**
 * An excerpt of about `length` words around the best-matching sentence, with
 * `…` where a sentence was cut, and only the matched words (not the
 * punctuation around them) highlighted.
 */
export function excerptAround(source: ExcerptSource, locations: readonly number[], length = 30): ExcerptPart[] {
  const { words, skip = 0 } = source;
  const blocks = source.blocks ?? [];
  const edges = headingEdges([...(source.headings ?? []), ...blocks]);
  const headingEnds = new Map((source.headings ?? []).map(([start, end]) => [start, end]));
  const boundsOf = (location: number) => source.bounds?.(location) ?? [0, words.length];
  const hits = new Set(locations.filter((location) => location >= 0 && location < words.length));
  let best: Candidate | undefined;
  const byStart = new Map<number, Candidate>();
  for (const location of [...hits].sort((a, b) => a - b).slice(0, MAX_CANDIDATES)) {
    const [low, high] = boundsOf(location);
    const block = blocks.find(([from, to]) => location >= from && location < to);
    const [start, end] = block ? [Math.max(low, block[0]), Math.min(high, block[1])] : sentenceAt(words, location, low, high, edges);
    const candidate = byStart.get(start) ?? { start, end, low, high, first: location, terms: new Set<string>() };
    candidate.terms.add(splitWord(words[location]!)[1].toLocaleLowerCase());
    byStart.set(start, candidate);
  }
  for (const candidate of byStart.values()) if (!best || better(candidate, best, skip, headingEnds)) best = candidate;
  if (!best) return [];
  const { low, high } = best;
  let { start, end } = best;
  if (end - start > length) {
    // One long sentence: a window around its first match, a third of it before the match.
    start = Math.max(start, Math.min(best.first - Math.floor(length / 3), end - length));
    end = start + length;
  } else {
    // Whole sentences: the matching one, then those after it while they fit, never across a heading or
    // out of the region. Not those before it: before the first sentence of an article come the byline and topics.
    while (end < high && !edges.has(end)) {
      const [, next] = sentenceAt(words, end, low, high, edges);
      if (next - start > length) break;
      end = next;
    }
  }
  const parts: ExcerptPart[] = [];
  if (start > low && !edges.has(start) && !endsSentence(words[start - 1])) parts.push({ text: '… ', mark: false });
  for (let i = start; i < end; i++) {
    if (i > start) parts.push({ text: ' ', mark: false });
    const word = words[i]!;
    if (!hits.has(i)) parts.push({ text: word, mark: false });
    else {
      const [before, core, after] = splitWord(word);
      parts.push({ text: before, mark: false }, { text: core, mark: true }, { text: after, mark: false });
    }
  }
  if (end < high && !edges.has(end) && !endsSentence(words[end - 1])) parts.push({ text: ' …', mark: false });
  return merge(parts);
}

/** Join neighbouring runs with the same highlighting; matched words a space apart are one highlight (a phrase). */
function merge(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const merged: ExcerptPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.mark === part.mark) last.text += part.text;
    else if (part.mark && last?.text === ' ' && merged.at(-2)?.mark) {
      merged.pop();
      merged.at(-1)!.text += ` ${part.text}`;
    } else merged.push({ ...part });
  }
  return merged;
}
