/**
 * The search page controller: reads the state from the URL, runs Pagefind,
 * renders results and keeps the URL in step so every search can be shared.
 * Loaded only by /search/, so article pages never download Pagefind.
 */
import { PROMPT_MESSAGE, SEARCHING_MESSAGE, UNAVAILABLE_MESSAGE, moreLabel, resultsMessage } from './messages.ts';
import { countFacets } from './facets.ts';
import { loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-api.ts';
import { toPagefindQuery } from './query.ts';
import { checkedValues, renderFilters, renderResult, setChecked, updateCounts } from './render.ts';
import { hasFilters, isActive, parseState, sameState, stateToQuery, type SearchState } from './state.ts';
import { SORTS } from './fields.ts';

/** Results loaded per page of results. */
const PAGE_SIZE = 10;
/** Typing pause before searching, in milliseconds. */
const TYPING_DELAY = 250;

/** Find a required element of the page, failing loudly when the markup changed. */
function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Search page is missing #${id}.`);
  return found as T;
}

/** Wire up the search page. Call once, from the page's bundled script. */
export function startSearchPage(base = '/'): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-q');
  const sort = byId<HTMLSelectElement>('search-sort');
  const filters = byId<HTMLElement>('search-filters');
  const status = byId<HTMLElement>('search-status');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const filtersBox = byId<HTMLDetailsElement>('search-filters-box');
  for (const hidden of document.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;

  let pagefind: PagefindApi | undefined;
  let pending: PagefindResult[] = [];
  let total = 0;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readState = (): SearchState => ({
    q: input.value,
    filters: checkedValues(filters),
    sort: SORTS.find((option) => option.value === sort.value)?.value ?? 'relevance',
  });

  const showState = (state: SearchState) => {
    input.value = state.q;
    sort.value = state.sort;
    setChecked(filters, state.filters);
  };

  const updateUrl = (state: SearchState, push: boolean) => {
    if (sameState(state, parseState(location.search))) return;
    const query = stateToQuery(state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const showMore = async (focusFirst: boolean) => {
    const batch = pending.splice(0, PAGE_SIZE);
    const mine = run;
    const items = (await Promise.all(batch.map((result) => result.data()))).map(renderResult);
    if (mine !== run) return;
    list.append(...items);
    more.hidden = pending.length === 0;
    more.textContent = moreLabel(list.children.length, total);
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  const search = async (state: SearchState) => {
    const mine = ++run;
    document.title = `${state.q.trim() ? `${state.q.trim()} – ` : ''}Search · Sourced Explainers`;
    if (!pagefind) return;
    if (!isActive(state)) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      more.hidden = true;
      const counts = await pagefind.filters();
      if (mine !== run) return;
      updateCounts(filters, counts);
      status.textContent = PROMPT_MESSAGE;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    const { term, options } = toPagefindQuery(state);
    const api = pagefind;
    const found = await api.search(term, options);
    // Each ticked filter's counts come from the same search without its own ticks.
    const counts = await countFacets(state, found.filters, async (q) => (await api.search(q.term, q.options)).filters, () => api.filters());
    if (mine !== run) return;
    pending = [...found.results];
    total = pending.length;
    list.replaceChildren();
    updateCounts(filters, counts);
    await showMore(false);
    if (mine !== run) return;
    list.removeAttribute('aria-busy');
    status.textContent = resultsMessage(state, total);
  };

  const searchNow = (push: boolean) => {
    clearTimeout(timer);
    const state = readState();
    updateUrl(state, push);
    void search(state).catch(fail);
  };

  const fail = (error: unknown) => {
    status.textContent = UNAVAILABLE_MESSAGE;
    list.removeAttribute('aria-busy');
    console.warn('Search failed:', error);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchNow(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (input.value.trim()) void pagefind?.preload(input.value.trim());
    timer = setTimeout(() => searchNow(false), TYPING_DELAY);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || input.value === '') return;
    event.preventDefault();
    input.value = '';
    searchNow(false);
  });
  sort.addEventListener('change', () => searchNow(false));
  filters.addEventListener('change', () => searchNow(false));
  more.addEventListener('click', () => void showMore(true).catch(fail));
  window.addEventListener('popstate', () => {
    const state = parseState(location.search);
    showState(state);
    void search(state).catch(fail);
  });

  const initial = parseState(location.search);
  // Filters start folded on narrow screens, so results are not pushed below the fold, unless some are in use.
  filtersBox.open = hasFilters(initial) || matchMedia('(min-width: 40rem)').matches;
  input.value = initial.q;
  sort.value = initial.sort;
  if (isActive(initial)) status.textContent = SEARCHING_MESSAGE;
  void (async () => {
    pagefind = await loadPagefind(base);
    renderFilters(filters, await pagefind.filters(), initial.filters);
    // Whatever the reader typed while the index loaded wins over the URL.
    await search(readState());
  })().catch(fail);
}
