/**
 * Quote drift: is a source's `quote` still on its page? Text is extracted
 * from the HTML, then both sides are normalised (Unicode forms, curly quotes
 * and dashes, whitespace, case) so typography never causes a false alarm.
 * A quote with an ellipsis (`...`, `…`, `[…]`) matches when its parts
 * appear in order.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { QuoteCheck } from './state.ts';

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

function charsetOf(contentType: string, bytes: Uint8Array): string {
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (declared) return declared;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

/** The readable text of a response body, or undefined for formats we cannot read (PDF, images). */
export function extractText(bytes: Uint8Array, contentType: string): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const isHtml = type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))));
  if (!isHtml && !type.startsWith('text/')) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(contentType, bytes));
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
