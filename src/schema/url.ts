/**
 * The one URL key of the project, shared by the checks, the link-rot watcher
 * (its state file is keyed by it) and the site (sources pages, source health).
 */

/** Query parameters that only track clicks and never change the document. */
export const TRACKING_PARAMS = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ref_src)$/i;

/** `raw` (trimmed) parsed as an absolute http(s) URL with a host, or undefined. */
export function parseHttpUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined;
}

/**
 * The key of a source URL, for "is this the same source?": https scheme,
 * lower-case host without `www.` or a default port, no credentials, no
 * fragment, no trailing slash, no tracking parameters, remaining parameters
 * sorted. Spelling variants a writer might type for one page get one key, so
 * one page is one source, one link-rot check and one history. Path case and
 * meaningful parameters are kept: they can name another document.
 *
 * Not a URL to link to or fetch (it may say https where only http works).
 * Strings that are not absolute http(s) URLs come back trimmed and unchanged.
 */
export function normalizeUrl(raw: string): string {
  const url = parseHttpUrl(raw);
  if (!url) return raw.trim();
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const params = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${port}${path}${query}`;
}
