/**
 * Middleware added by the search integration to `astro build` only: hands
 * each rendered page to the search index being built (./index-feed.ts), so
 * Pagefind indexes pages while Astro renders the rest, instead of reading
 * them all back from disk once the build is done. Without a feed (dev server,
 * search index skipped) it does nothing.
 */
import type { MiddlewareHandler } from 'astro';
import { articleSourcePath, currentFeed } from './index-feed.ts';

/** Pass every response through; give the HTML of explainer pages to the feed. */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const feed = currentFeed();
  const sourcePath = feed && response.ok ? articleSourcePath(context.url.pathname, import.meta.env.BASE_URL) : undefined;
  if (feed && sourcePath) feed(sourcePath, await response.clone().text());
  return response;
};
