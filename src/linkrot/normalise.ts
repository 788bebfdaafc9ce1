/**
 * One spelling per URL, so the same page cited in two ways is checked once
 * and keeps one history: lowercase scheme and host, no default port, no
 * fragment, no tracking parameters. Paths, trailing slashes and other query
 * parameters are kept: servers may treat them as different pages. For "is this
 * the same source?" use the coarser `normalizeUrl` in src/schema/url.ts.
 */
import { TRACKING_PARAMS } from '../schema/url.ts';

/** The normalised form of an http(s) URL, or undefined when `raw` is not one. */
export function normaliseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMS.test(name));
  if (kept.length !== [...url.searchParams].length) {
    url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  }
  const href = url.href;
  // `https://a.org/x?` and `https://a.org/x` are the same request.
  return href.endsWith('?') ? href.slice(0, -1) : href;
}

/**
 * The politeness key of a URL: its host with any non-default port, so that
 * local test servers on several ports count as several hosts.
 */
export function hostKey(url: string): string {
  return new URL(url).host;
}
