/** URL helpers shared by the checks, the link-rot watcher and the site's source index. */

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * A canonical form of a URL for comparing sources: lower-case scheme and
 * host, no default port, no fragment, no tracking parameters, sorted query,
 * no trailing slash (except the root). Not a URL to fetch.
 */
export function normalizeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return value.trim();
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  url.hostname = url.hostname.replace(/^www\./, '');
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
