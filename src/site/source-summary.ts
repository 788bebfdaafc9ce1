/**
 * The one-line summary above an article's Sources list, e.g.
 * "14 sources from 9 publishers: 3 primary documents, 6 news reports, 5 analyses."
 */
import { SOURCE_TYPES, type Source } from '../schema/explainer.ts';

/** A source type as the site names it to readers. */
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Reader-facing names of each type: [singular, plural]. */
export const TYPE_NAMES: Record<SourceType, readonly [string, string]> = {
  primary: ['primary document', 'primary documents'],
  official: ['official statement', 'official statements'],
  news: ['news report', 'news reports'],
  analysis: ['analysis', 'analyses'],
  reference: ['reference work', 'reference works'],
};

/** Short labels for the type badge on each source. */
export const TYPE_LABELS: Record<SourceType, string> = {
  primary: 'Primary document',
  official: 'Official',
  news: 'News',
  analysis: 'Analysis',
  reference: 'Reference',
};

/** Counts behind the summary line. */
export interface SourceSummary {
  sources: number;
  publishers: number;
  /** Sources per type, in the site's type order; types with no source are left out. */
  types: Array<{ type: SourceType; count: number }>;
  /** Sources with no type. */
  untyped: number;
  /** The sentence readers see. */
  text: string;
}

const count = (n: number, [one, many]: readonly [string, string]): string => `${n} ${n === 1 ? one : many}`;

/** Sources per type in the site's type order (types with none left out), and sources with no type. */
function countTypes(sources: readonly Pick<Source, 'type'>[]): Pick<SourceSummary, 'types' | 'untyped'> {
  const types = SOURCE_TYPES.map((type) => ({ type, count: sources.filter((s) => s.type === type).length })).filter((t) => t.count > 0);
  return { types, untyped: sources.filter((s) => s.type === undefined).length };
}

/**
 * Summarise an article's sources. Publishers are counted case- and
 * space-insensitively ("Reuters" and "reuters " are one publisher).
 */
export function summarizeSources(sources: readonly Pick<Source, 'publisher' | 'type'>[]): SourceSummary {
  const publishers = new Set(sources.map((s) => s.publisher.trim().replace(/\s+/g, ' ').toLowerCase())).size;
  const { types, untyped } = countTypes(sources);
  let text = `${count(sources.length, ['source', 'sources'])} from ${count(publishers, ['publisher', 'publishers'])}`;
  // Unlabelled sources are mentioned only next to labelled ones.
  if (types.length > 0) text += `: ${typeWords(types, untyped)}`;
  return { sources: sources.length, publishers, types, untyped, text: `${text}.` };
}

/** "2 primary documents, 1 news report, 1 unlabelled": counts per type, unlabelled last. */
function typeWords(types: SourceSummary['types'], untyped: number): string {
  const parts = types.map((t) => count(t.count, TYPE_NAMES[t.type]));
  if (untyped > 0) parts.push(`${untyped} unlabelled`);
  return parts.join(', ');
}

/**
 * The kinds of `sources` in a few words, in the site's type order, e.g.
 * "2 primary documents, 1 news report"; unlabelled sources are counted last,
 * so a list with no labels reads "3 unlabelled".
 */
export function describeTypes(sources: readonly Pick<Source, 'type'>[]): string {
  const { types, untyped } = countTypes(sources);
  return typeWords(types, untyped);
}
