/**
 * The hand-over between the middleware that sees each page Astro renders
 * (./index-middleware.ts, bundled into Astro's build) and the search index
 * being built meanwhile (./streamed-index.ts, in the integration). The two are
 * separate module instances in one process, so they meet on a global.
 */

/** Receives a rendered explainer page: the file it is written to (see {@link articleSourcePath}) and its HTML. */
export type IndexFeed = (sourcePath: string, html: string) => void;

const FEED = Symbol.for('explainers.search.index-feed');

type WithFeed = typeof globalThis & { [FEED]?: IndexFeed };

/** The feed of the build in progress, if the search index is being built. */
export function currentFeed(): IndexFeed | undefined {
  return (globalThis as WithFeed)[FEED];
}

/** Set (or with `undefined`, clear) the feed of the build in progress. */
export function setFeed(feed: IndexFeed | undefined): void {
  if (feed) (globalThis as WithFeed)[FEED] = feed;
  else delete (globalThis as WithFeed)[FEED];
}

/**
 * The file a page is written to, relative to the output folder, if it is an
 * explainer page the index takes: `/explainers/x/` → `explainers/x/index.html`.
 * The `/explainers/` list itself and non-HTML files are not; this is the
 * same set as the integration's `explainers/*\/**\/*.html`.
 */
export function articleSourcePath(pathname: string, base = '/'): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    // Not a path Astro writes a page to.
    return undefined;
  }
  if (path.endsWith('/')) path += 'index.html';
  return /^explainers\/[^/]+\/(.+\/)?[^/]+\.html$/.test(path) ? path : undefined;
}
