/**
 * Links to a quoted passage: a source's URL with a text fragment
 * (`#:~:text=…`, WICG "URL Fragment Text Directives"), so a browser that
 * supports them scrolls to and highlights the quote; others just open the page.
 */

/** A quote longer than this many words is linked by its first and last words. */
const MAX_WORDS = 10;
/** Words kept at each end of a long quote: enough to be unique on a page, few enough to survive edits. */
const END_WORDS = 5;
/** A gap in a quote, as writers mark it (README: "A quote may use … for gaps"). */
const GAP = /\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*/u;

/**
 * Percent-encode one text directive string. Only ASCII letters, digits and
 * `! $ ' ( ) * + . / : ; = ? @ _ ~` may stand as themselves; everything else,
 * including `-`, `&` and `,` (the directive's own syntax) and spaces, is
 * percent-encoded as UTF-8. encodeURIComponent leaves only `-` of those unencoded.
 */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

const words = (text: string): string[] => text.split(' ').filter(Boolean);

/**
 * The text directive for a quote: `text=start` or `text=start,end`.
 * Undefined for a quote with no words.
 */
export function textDirective(quote: string): string | undefined {
  const clean = quote.replace(/\s+/g, ' ').trim().replace(/^["“”']+|["“”']+$/g, '').trim();
  const parts = clean.split(GAP).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const first = words(parts[0]!);
  const last = words(parts.at(-1)!);
  const single = parts.length === 1;
  if (single && first.length <= MAX_WORDS) return `text=${encodeTextDirective(first.join(' '))}`;
  const start = first.slice(0, END_WORDS).join(' ');
  const end = last.slice(-END_WORDS).join(' ');
  return `text=${encodeTextDirective(start)},${encodeTextDirective(end)}`;
}

/**
 * `url` pointing at `quote` on its page. A URL that already has a fragment
 * keeps it (`#section:~:text=…`); one that already has a fragment directive,
 * or a quote with no words, is returned unchanged.
 */
export function quoteUrl(url: string, quote: string | undefined): string {
  if (!quote || url.includes(':~:')) return url;
  const directive = textDirective(quote);
  if (!directive) return url;
  if (!url.includes('#')) return `${url}#:~:${directive}`;
  return `${url}:~:${directive}`;
}
