/**
 * The slice of Pagefind's browser API the search page uses, and its loader.
 * Pagefind ships no types for its browser bundle in the npm package, so the
 * shapes we rely on are declared here (from Pagefind's documented result format).
 */
import type { FilterCounts } from './facets.ts';
import type { Anchor } from './regions.ts';

/** The loaded data of one result. */
export interface PagefindFragment {
  url: string;
  /** The indexed text; split on whitespace, `locations` index into it. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: Array<Anchor & { element: string; text?: string }>;
  locations: number[];
}

/** One result before its data is loaded. */
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}

/** What `search()` resolves to. */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Per value: results of this search (words and every filter) carrying it. */
  filters: FilterCounts;
  /** Per value: results for the query alone, as if no filter were selected. */
  totalFilters: FilterCounts;
}

/** The module `/pagefind/pagefind.js` exports. */
export interface PagefindApi {
  options: (options: { baseUrl?: string; noWorker?: boolean }) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: object) => Promise<PagefindSearch>;
}

/**
 * Import Pagefind's bundle from the built site. The path is computed at run
 * time so the bundler leaves it alone: the file only exists after indexing.
 */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = new URL(`${base.replace(/\/?$/, '/')}pagefind/pagefind.js`, location.href).href;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  // noWorker: the worker script is a second 42 kB download, and searching an index
  // of a few thousand explainers takes milliseconds on the main thread (see the search benchmark).
  // Excerpts are built from `content` (src/search/excerpt.ts), along sentence boundaries; Pagefind's own are not used.
  await pagefind.options({ baseUrl: base, noWorker: true });
  await pagefind.init();
  return pagefind;
}
