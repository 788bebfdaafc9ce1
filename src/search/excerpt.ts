/**
 * Pagefind excerpts are HTML-escaped text with `<mark>` around matches. These
 * helpers turn them into plain text runs, so the page builds DOM text nodes and
 * never assigns HTML (safe under a strict Content Security Policy and Trusted Types).
 */

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references Pagefind produces (named, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Split an excerpt into runs; any tag other than `<mark>` is dropped, never rendered. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}

/**
 * An excerpt of `content` around matching word positions, for regions Pagefind
 * does not excerpt itself (the analysis part of a page). Words are counted as
 * Pagefind counts them: `content` split on whitespace. The excerpt stays within
 * `bounds` (`[start, end)` word positions) and marks only matches inside them.
 */
export function excerptAround(content: string, locations: readonly number[], length = 24, bounds?: readonly [number, number]): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  const low = Math.max(0, bounds?.[0] ?? 0);
  const high = Math.min(words.length, bounds?.[1] ?? words.length);
  const inside = locations.filter((location) => location >= low && location < high);
  if (inside.length === 0) return [];
  const first = Math.min(...inside);
  const start = Math.max(low, Math.min(first - Math.floor(length / 3), high - length));
  const end = Math.min(high, start + length);
  const hits = new Set(inside);
  const parts: ExcerptPart[] = start > low ? [{ text: '…', mark: false }] : [];
  for (let i = start; i < end; i++) {
    if (parts.length > 0) parts.push({ text: ' ', mark: false });
    const word = words[i] ?? '';
    if (!hits.has(i)) parts.push({ text: word, mark: false });
    else {
      // Highlight the word itself, not the punctuation around it: `“snapback”,` → “<mark>snapback</mark>”,
      const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
      parts.push({ text: before, mark: false }, { text: core || word, mark: true }, { text: core ? after : '', mark: false });
    }
  }
  if (end < high) parts.push({ text: ' …', mark: false });
  return merge(parts);
}

/** Join neighbouring runs with the same highlighting. */
function merge(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const merged: ExcerptPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.mark === part.mark) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
