/**
 * What the text of a published explainer may contain, as HTML: what Markdown
 * renders to, the site's citation markers and content components, and the
 * writer HTML of src/schema/dialect.ts. The published-page gate refuses every
 * other element and attribute, so nothing can be hidden, styled away or made
 * to run, whatever either Markdown parser let through.
 */
import { abbrTitleFits, isLinkTarget, WRITER_HTML } from '../schema/dialect.ts';


/** Attributes each element may carry in an explainer's text (values are checked elsewhere). */
export const PAGE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  // Markdown
  p: [],
  h1: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['class'],
  td: ['class'],
  pre: [],
  code: ['class'],
  em: [],
  strong: [],
  del: [],
  a: ['href'],
  img: ['src', 'alt'],
  br: [],
  hr: [],
  // GFM task lists
  input: ['type', 'disabled', 'checked'],
  // Citation markers (src/citations/markers.ts) and the Analysis component
  sup: ['class'],
  span: ['class', 'title', 'id'],
  aside: ['class', 'aria-label', 'data-analysis'],
};

/** Every element allowed in an explainer's text, with its attributes (writer HTML merged in). */
export const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...new Set([...Object.keys(PAGE_ELEMENTS), ...Object.keys(WRITER_HTML)])].map((name) => [
    name,
    new Set([...(PAGE_ELEMENTS[name] ?? []), ...(WRITER_HTML[name] ?? [])]),
  ]),
);

/** The class of a marker's locator text (`[1, p. 4]`), allowed only on a span inside `sup.cite`. */
export const LOCATOR_CLASS = 'cite-locator';

/** Attributes a citation marker link carries besides href. */
export const MARKER_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'id', 'class', 'aria-label', 'data-source', 'data-locator']);

/** Class values allowed per element (alignment from src/site/table-align.ts, code languages). */
export function allowedClass(element: string, value: string): boolean {
  if (element === 'th' || element === 'td') return value === 'align-center' || value === 'align-right';
  if (element === 'code') return /^language-[\w+#.-]+$/.test(value);
  return false;
}


/** May a `name` element in the text (inside Analysis, inside a marker) carry `attribute="value"`? */
export function attributeAllowed(name: string, attribute: string, value: string, allowed: ReadonlySet<string>, inAnalysis: boolean, inMarker: boolean): boolean {
  if (name === 'aside') return true; // only a genuine Analysis box gets this far
  if (name === 'p' && inAnalysis) return (attribute === 'class' && value === 'analysis__label') || attribute === 'aria-hidden';
  if (!allowed.has(attribute)) return false;
  // Link targets: the web, mail, and this site (the same test as the checker's).
  if (attribute === 'href') return isLinkTarget(value);
  // A tooltip long enough to state a claim (the checker's rule, src/schema/dialect.ts).
  if (attribute === 'title' && name === 'abbr') return abbrTitleFits(value);
  if (attribute === 'id' && name === 'span') return inAnalysis && /^analysis-block-\d+(?:-end)?$/.test(value);
  if (attribute === 'class') return (name === 'sup' && value === 'cite') || (name === 'span' && (value === 'cite-unknown' || (inMarker && value === LOCATOR_CLASS))) || allowedClass(name, value);
  return true;
}

