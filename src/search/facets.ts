/**
 * Filter counts as readers of checkboxes expect them: the number beside a
 * value is how many explainers match the words and the *other* filters with
 * that value ticked. Values within one filter are alternatives (any of them),
 * so a filter's own ticks must not shrink its counts; other filters must.
 */
import { FILTERS, type FilterKey } from './fields.ts';
import { toPagefindQuery, type PagefindQuery } from './query.ts';
import type { SearchState } from './state.ts';

/** Article counts per filter value: `{ topic: { Iran: 2 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The extra query each filter with ticked values needs: the same search without that filter's own values. */
export function facetQueries(state: SearchState): Array<{ key: FilterKey; query: PagefindQuery }> {
  return FILTERS.filter(({ key }) => state.filters[key].length > 0).map(({ key }) => ({
    key,
    query: toPagefindQuery({ ...state, filters: { ...state.filters, [key]: [] } }),
  }));
}

/**
 * Counts to show: a filter with ticked values takes its counts from its own
 * query (`perKey`); the others from the main search, which every tick narrows.
 */
export function facetCounts(main: FilterCounts, perKey: Partial<Record<FilterKey, FilterCounts>>): FilterCounts {
  const counts: FilterCounts = {};
  for (const { key } of FILTERS) counts[key] = perKey[key]?.[key] ?? main[key] ?? {};
  return counts;
}

/**
 * Run the extra queries and combine the counts. `run` answers one query with
 * the counts of its results (Pagefind's `filters`); a query with neither words
 * nor filters gets the whole index's counts from `all`.
 */
export async function countFacets(
  state: SearchState,
  main: FilterCounts,
  run: (query: PagefindQuery) => Promise<FilterCounts>,
  all: () => Promise<FilterCounts>,
): Promise<FilterCounts> {
  const answers = await Promise.all(
    facetQueries(state).map(async ({ key, query }) => {
      const everything = query.term === null && Object.keys(query.options.filters).length === 0;
      return [key, await (everything ? all() : run(query))] as const;
    }),
  );
  return facetCounts(main, Object.fromEntries(answers));
}
