/** The words the search page says, kept pure so they are tested and consistent. */
import { FILTERS } from './fields.ts';
import { hasFilters, type SearchState } from './state.ts';

/** "1 explainer" / "3 explainers". */
export function countNoun(count: number): string {
  return `${count} ${count === 1 ? 'explainer' : 'explainers'}`;
}

/** "Topic: Iran or Iraq; Year published: 2025". */
export function describeFilters(state: SearchState): string {
  return FILTERS.filter(({ key }) => state.filters[key].length > 0)
    .map(({ key, label }) => `${label}: ${state.filters[key].join(' or ')}`)
    .join('; ');
}

/**
 * The sentence announced (politely) to screen readers and shown above the
 * results once a search finishes, e.g. `3 explainers match “snapback” (Topic: Iran).`
 */
export function resultsMessage(state: SearchState, count: number): string {
  const q = state.q.trim();
  const filters = hasFilters(state) ? describeFilters(state) : '';
  const what = q && filters ? `“${q}” (${filters})` : q ? `“${q}”` : `the filters ${filters}`;
  if (count === 0) {
    const hint = filters ? 'Try other words or clear a filter.' : 'Try other or fewer words.';
    return `No explainers match ${what}. ${hint}`;
  }
  return `${countNoun(count)} ${count === 1 ? 'matches' : 'match'} ${what}.`;
}

/** What the page says before anything has been searched. */
export const PROMPT_MESSAGE = 'Type a name, a number or a phrase, or choose a filter.';

/** Shown while the index loads or a search runs. */
export const SEARCHING_MESSAGE = 'Searching…';

/** Shown when the search index cannot be loaded at all. */
export const UNAVAILABLE_MESSAGE =
  'Search is unavailable right now: the search index could not be loaded. You can still browse every explainer from the All explainers page.';

/** Label of the button that loads the next page of results. */
export function moreLabel(shown: number, total: number): string {
  return `Show more results (${shown} of ${total} shown)`;
}

/** Where on the page the words were found: a plain sentence under each result, e.g. "Found in the article and the sources." */
export const FOUND_IN = 'Found in';

/** The names of the places a match can come from, as the sentence above uses them. */
export const REGION_LABELS = {
  text: 'the article',
  analysis: 'our analysis',
  sources: 'the sources',
} as const;
