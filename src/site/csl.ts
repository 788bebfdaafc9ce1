/**
 * CSL-JSON (Citation Style Language) export of an article's sources, the
 * format Zotero, Pandoc and most reference managers import.
 */
import type { Source } from '../schema/explainer.ts';

/** A CSL date: `{ "date-parts": [[2025, 11, 23]] }`. */
export interface CslDate {
  'date-parts': [[number, number, number]];
}

/** The CSL-JSON fields this site fills in. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  URL: string;
  publisher: string;
  'container-title'?: string;
  author?: Array<{ literal: string }>;
  issued?: CslDate;
  accessed?: CslDate;
  genre?: string;
  note?: string;
}

/** CSL item types for the site's source labels (untyped sources are web pages). */
const CSL_TYPES: Record<NonNullable<Source['type']>, string> = {
  primary: 'document',
  official: 'document',
  news: 'article-newspaper',
  analysis: 'article',
  reference: 'entry-encyclopedia',
};

/** A calendar date as CSL date-parts (UTC, as the site stores dates). */
export function cslDate(date: Date): CslDate {
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

/**
 * One source as a CSL item. Author names stay `literal` because the
 * frontmatter has one string and splitting names into given/family guesses wrong
 * (agencies, "Reuters staff"). Archived copy and quote go in `note`, which
 * CSL has no better field for.
 */
export function toCslItem(source: Source): CslItem {
  const note = [source.archived ? `Archived copy: ${source.archived}` : '', source.quote ? `Quoted: “${source.quote}”` : ''].filter(Boolean).join('\n');
  return {
    id: source.id,
    type: source.type ? CSL_TYPES[source.type] : 'webpage',
    title: source.title,
    URL: source.url,
    publisher: source.publisher,
    ...(source.type === 'news' || source.type === 'analysis' ? { 'container-title': source.publisher } : {}),
    ...(source.author ? { author: [{ literal: source.author }] } : {}),
    ...(source.published ? { issued: cslDate(source.published) } : {}),
    ...(source.accessed ? { accessed: cslDate(source.accessed) } : {}),
    ...(source.type ? { genre: source.type } : {}),
    ...(note ? { note } : {}),
  };
}

/** The whole download: a JSON array of CSL items, pretty-printed for people who open it. */
export function toCslJson(sources: readonly Source[]): string {
  return `${JSON.stringify(sources.map(toCslItem), null, 2)}\n`;
}
