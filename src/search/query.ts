/** Translates the page state into the arguments of Pagefind's `search()`. */
import { DATE_SORT_KEY, FILTERS } from './fields.ts';
import type { SearchState } from './state.ts';

/** Pagefind filter syntax: `{ topic: { any: ['Iran', 'Iraq'] } }`. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** The two arguments of `pagefind.search(term, options)`. */
export interface PagefindQuery {
  /** Words to search, or null to list every page matching the filters. */
  term: string | null;
  options: { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> };
}

/**
 * Values within one filter are alternatives (topic Iran *or* Iraq); different
 * filters narrow each other (topic Iran *and* year 2025), as readers expect of checkboxes.
 */
export function toPagefindQuery(state: SearchState): PagefindQuery {
  const filters: PagefindFilters = {};
  for (const { key } of FILTERS) {
    if (state.filters[key].length > 0) filters[key] = { any: [...state.filters[key]] };
  }
  const term = state.q.trim() || null;
  const options: PagefindQuery['options'] = { filters };
  if (state.sort === 'newest') options.sort = { [DATE_SORT_KEY]: 'desc' };
  if (state.sort === 'oldest') options.sort = { [DATE_SORT_KEY]: 'asc' };
  return { term, options };
}
