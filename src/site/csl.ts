/**
 * CSL-JSON (Citation Style Language) export of an article's sources, the
 * format Zotero, Pandoc and most reference managers import. Shaped so that
 * citation processors (citeproc-js) render each kind of source the way
 * styles expect it: tests/unit/csl-render.test.ts renders it in three styles.
 */
import type { Source } from '../schema/explainer.ts';

/** A CSL date: `{ "date-parts": [[2025, 11, 23]] }`. */
export interface CslDate {
  'date-parts': [[number, number, number]];
}

/** A CSL name: structured (`family`/`given`) or, when the writer gave one string, `literal`. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The CSL-JSON fields this site fills in. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  URL: string;
  publisher?: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  note?: string;
}

/**
 * How each source label becomes a CSL item: its CSL type, and whether the
 * publisher is the container the item appeared in (a newspaper, a magazine,
 * an encyclopaedia, a website) or the body that issued a document. Never both:
 * styles print both fields, which gave "In crisis.zone. crisis.zone.".
 * Untyped sources are web pages on the publisher's site.
 */
const CSL_SHAPES: Record<NonNullable<Source['type']> | 'untyped', { type: string; publisherAs: 'container-title' | 'publisher' }> = {
  news: { type: 'article-newspaper', publisherAs: 'container-title' },
  // Commentary published by a periodical or a think tank's site; `article` would be a preprint to CSL.
  analysis: { type: 'article-magazine', publisherAs: 'container-title' },
  primary: { type: 'document', publisherAs: 'publisher' },
  // Statements and press releases: reference managers file them as reports.
  official: { type: 'report', publisherAs: 'publisher' },
  reference: { type: 'entry-encyclopedia', publisherAs: 'container-title' },
  untyped: { type: 'webpage', publisherAs: 'container-title' },
};

/** A calendar date as CSL date-parts (UTC, as the site stores dates). */
export function cslDate(date: Date): CslDate {
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

/**
 * Author names for CSL: the structured `authorNames` when the writer gave them;
 * otherwise the one `author` string as a `literal`, because splitting it would
 * guess wrong (agencies, "Reuters staff", several names in one string).
 */
export function cslAuthors(source: Pick<Source, 'author' | 'authorNames'>): CslName[] | undefined {
  if (source.authorNames) return source.authorNames.map(({ family, given }) => (given ? { family, given } : { family }));
  return source.author ? [{ literal: source.author }] : undefined;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * One source as a CSL item. The site's type label is not copied into `genre`:
 * styles print genre in brackets ("[News]"), and the CSL type already says it.
 * Archived copy and quote go in `note` (Zotero's "Extra"), which styles do not
 * print in a bibliography entry.
 */
export function toCslItem(source: Source): CslItem {
  const shape = CSL_SHAPES[source.type ?? 'untyped'];
  const author = cslAuthors(source);
  // An organisation that is both author and publisher is named once, as the author.
  const publisherIsAuthor = author?.some((name) => 'literal' in name && same(name.literal, source.publisher)) ?? false;
  const note = [source.archived ? `Archived copy: ${source.archived}` : '', source.quote ? `Quoted: “${source.quote}”` : ''].filter(Boolean).join('\n');
  return {
    id: source.id,
    type: shape.type,
    title: source.title,
    URL: source.url,
    ...(publisherIsAuthor ? {} : { [shape.publisherAs]: source.publisher }),
    ...(author ? { author } : {}),
    ...(source.published ? { issued: cslDate(source.published) } : {}),
    ...(source.accessed ? { accessed: cslDate(source.accessed) } : {}),
    ...(note ? { note } : {}),
  };
}

/** The whole download: a JSON array of CSL items, pretty-printed for people who open it. */
export function toCslJson(sources: readonly Source[]): string {
  return `${JSON.stringify(sources.map(toCslItem), null, 2)}\n`;
}
