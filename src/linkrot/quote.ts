/**
 * Quote drift: is a source's `quote` still on its page? Text is extracted
 * from the HTML, then both sides are normalised (Unicode forms, curly quotes
 * and dashes, whitespace, case) so typography never causes a false alarm.
 * A quote with an ellipsis (`...`, `…`, `[…]`) matches when its parts
 * appear in order.
 */
import { MIMEType } from 'node:util';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import sniffEncoding from 'html-encoding-sniffer';
import type { QuoteCheck } from './state-file.ts';

/** Lowercase, straight quotes, plain hyphens, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

const ELLIPSIS = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;

/** True when `quote` (normalised, ellipses as gaps) occurs in `text`. */
export function containsQuote(text: string, quote: string): boolean {
  const haystack = normaliseText(text);
  const parts = quote
    .split(ELLIPSIS)
    .map((part) => normaliseText(part).replace(/^["']+|["']+$/g, '').trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return true;
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

function stripHidden(node: Root | Element): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && SKIP.has(child.tagName)));
  for (const child of node.children) if (child.type === 'element') stripHidden(child);
}

/** The media type and declared charset of a Content-Type header (Node's WHATWG MIME parser). */
function mediaType(contentType: string): { essence: string; charset?: string } {
  try {
    const type = new MIMEType(contentType);
    const charset = type.params.get('charset');
    return { essence: type.essence, ...(charset ? { charset } : {}) };
  } catch {
    return { essence: '' };
  }
}

/** The readable text of a response body, or undefined for formats we cannot read (PDF, images). */
export function extractText(bytes: Uint8Array, contentType: string): string | undefined {
  const { essence, charset } = mediaType(contentType);
  const isHtml = essence === 'text/html' || essence === 'application/xhtml+xml' || (essence === '' && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))));
  if (!isHtml && !essence.startsWith('text/')) return undefined;
  // The HTML standard's sniffing (BOM, header, <meta charset>), but UTF-8 rather
  // than windows-1252 when nothing is declared: undeclared pages today are UTF-8,
  // and a wrong guess would turn every curly quote into a false "quote missing".
  // `xml` (BOM and header only, no <meta> prescan) is in the library since v4, not yet in its @types.
  const sniffing: Parameters<typeof sniffEncoding>[1] & { xml?: boolean } = { xml: !isHtml, defaultEncoding: 'UTF-8', ...(charset ? { transportLayerEncodingLabel: charset } : {}) };
  const encoding = sniffEncoding(bytes, sniffing);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  if (!isHtml) return text;
  const tree = fromHtml(text);
  stripHidden(tree);
  return toText(tree as Nodes);
}

/** The quote check for one page body. */
export function checkQuote(quote: string, body: { bytes: Uint8Array; truncated: boolean; complete: boolean }, contentType: string, limitBytes: number): QuoteCheck {
  const text = extractText(body.bytes, contentType);
  if (text === undefined) return { status: 'unchecked', reason: `cannot read text from ${contentType || 'an unknown format'}` };
  if (containsQuote(text, quote)) return { status: 'found' };
  if (body.truncated) return { status: 'unchecked', reason: `not in the first ${Math.round(limitBytes / 1e6)} MB; the page is larger` };
  if (!body.complete) return { status: 'unchecked', reason: 'the page did not finish loading' };
  return { status: 'missing', reason: 'the quote is no longer on the page' };
}
