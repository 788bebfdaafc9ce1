/**
 * The state of the search page as it lives in the URL, so every search can be
 * bookmarked and shared: `/search/?q=snapback&topic=Iran&sort=newest`.
 */
import { FILTERS, SORTS, type FilterKey, type SortValue } from './fields.ts';

/** Everything that decides which results the page shows. */
export interface SearchState {
  /** The words typed, as typed (trimmed only when searching). */
  q: string;
  /** Selected values per filter; several values in one filter mean "any of these". */
  filters: Record<FilterKey, string[]>;
  sort: SortValue;
}

/** A state with nothing selected. */
export function emptyState(): SearchState {
  return { q: '', filters: { topic: [], year: [], publisher: [] }, sort: 'relevance' };
}

/** Read the state from a query string; unknown keys and sort values are ignored. */
export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const { key } of FILTERS) {
    state.filters[key] = [...new Set(params.getAll(key).map((value) => value.trim()).filter(Boolean))];
  }
  const sort = params.get('sort');
  state.sort = SORTS.find((option) => option.value === sort)?.value ?? 'relevance';
  return state;
}

/** The query string for a state (without `?`); empty parts are left out so URLs stay short. */
export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const { key } of FILTERS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

/** True when any filter value is selected. */
export function hasFilters(state: SearchState): boolean {
  return FILTERS.some(({ key }) => state.filters[key].length > 0);
}

/** True when the state asks for results at all (words or at least one filter). */
export function isActive(state: SearchState): boolean {
  return state.q.trim() !== '' || hasFilters(state);
}

/** Two states select the same results in the same order. */
export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToQuery({ ...a, q: a.q.trim() }) === stateToQuery({ ...b, q: b.q.trim() });
}
