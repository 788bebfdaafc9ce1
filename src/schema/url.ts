/**
 * URL helpers shared by the checks, the link-rot watcher and the site's source index.
 */

/** Query parameters that only track clicks and never change the document. */
export const TRACKING_PARAMS = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ref_src)$/i;

/**
 * A comparison key for a source URL: https scheme, lower-case host without
 * `www.` or a default port, no fragment, no trailing slash, no tracking
 * parameters, remaining parameters sorted. Not a URL to link to or fetch: only a key
 * for "is this the same source?" (duplicates, the sources pages, source health).
 * Strings that are not absolute http(s) URLs come back trimmed and unchanged.
 */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw.trim();
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const params = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${port}${path}${query}`;
}
