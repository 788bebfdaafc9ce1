/**
 * The search vocabulary shared by the indexer (what each article page is
 * tagged with) and the search page (what readers can filter and sort by).
 */

/** Filters readers can narrow results by, in the order the page shows them. */
export const FILTERS = [
  { key: 'topic', label: 'Topic' },
  { key: 'year', label: 'Year published' },
  { key: 'publisher', label: 'Cited publisher' },
] as const;

/** A filter key: `topic`, `year` or `publisher`. */
export type FilterKey = (typeof FILTERS)[number]['key'];

/** Result orders the search page offers; `relevance` is Pagefind's own ranking. */
export const SORTS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
] as const;

/** A sort choice as it appears in the URL. */
export type SortValue = (typeof SORTS)[number]['value'];

/** The Pagefind sort key every article carries (an ISO date, so text order is date order). */
export const DATE_SORT_KEY = 'date';

/** Element ids that bound an Analysis block, so results can say a match came from analysis. */
export const ANALYSIS_ID_PREFIX = 'analysis-block-';

/** Suffix of the empty marker element closing an Analysis block. */
export const ANALYSIS_END_SUFFIX = '-end';

/** Id of the Sources heading: every word after it belongs to the Sources list. */
export const SOURCES_ANCHOR_ID = 'sources-heading';

/** Prefix of the ids of the Sources list's entries (`source-<id>`): an excerpt shows an entry whole. */
export const SOURCE_ENTRY_PREFIX = 'source-';

/**
 * Id of the "Cite this explainer" heading. The reference under it repeats the
 * headline and byline, so a match there is not a match "in the sources".
 */
export const CITE_ANCHOR_ID = 'cite-heading';

/** True when `key` is one of the filter keys. */
export function isFilterKey(key: string): key is FilterKey {
  return FILTERS.some((filter) => filter.key === key);
}
