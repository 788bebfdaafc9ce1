/** HTML inspection helpers for asserting on built pages (parsed, not regexed). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** Read a built page, e.g. `page(dist, 'explainers/x')`. */
export function page(outDir: string, path: string): Promise<string> {
  return readFile(join(outDir, path, 'index.html'), 'utf8');
}

/** Parse HTML into a hast tree. */
export const parse = (html: string): Root => fromHtml(html);

/** Every element matching `test`, in document order. */
export function elements(html: string | Root, test: (el: Element) => boolean): Element[] {
  const tree = typeof html === 'string' ? parse(html) : html;
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

/** Class list of an element. */
export const classes = (el: Element): string[] => (el.properties.className as string[] | undefined) ?? [];

/** Text content of an element. */
export const text = (el: Element): string => toText(el);

/** Every element id on the page. */
export function ids(html: string): Set<string> {
  return new Set(elements(html, (el) => typeof el.properties.id === 'string').map((el) => String(el.properties.id)));
}

/** Every same-page fragment link target (`href="#…"`). */
export function fragmentLinks(html: string): string[] {
  return elements(html, (el) => el.tagName === 'a' && String(el.properties.href ?? '').startsWith('#')).map((el) =>
    decodeURIComponent(String(el.properties.href).slice(1)),
  );
}

/** Citation markers in reading order: the number shown, the source linked and the marker's own id. */
export function markers(html: string): Array<{ number: string; source: string; id: string }> {
  return elements(html, (el) => el.tagName === 'a' && classes(el).includes('cite-link')).map((el) => ({
    number: text(el),
    source: String(el.properties.href).replace(/^#source-/, ''),
    id: String(el.properties.id),
  }));
}
