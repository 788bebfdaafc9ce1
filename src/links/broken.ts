/**
 * Pure helpers for the internal link check: turning linkinator results into
 * broken links a writer can act on, and printing them.
 */

/** One linkinator result, as much of it as we read. */
export interface CheckedLink {
  url: string;
  state: string;
  status?: number;
  parent?: string;
  displayText?: string;
  failureDetails?: unknown[];
}

/** A broken internal link, with site paths instead of the URLs the site was served on. */
export interface BrokenLink {
  /** Site path of the page containing the link, e.g. `/explainers/talks/`. */
  page: string;
  /** The link target as a site path (or the URL when it is not on the site). */
  link: string;
  /** The link text, when the link is an `<a>` with text. */
  text?: string;
  /** Why it is broken, in words. */
  reason: string;
}

/** `http://127.0.0.1:4321/a/b/#x` → `/a/b/#x` when the URL is on `origin`. */
export function toSitePath(url: string, origin: string): string {
  if (url === origin) return '/';
  return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
}

function reasonOf(link: CheckedLink, target: string, page: string): string {
  for (const detail of link.failureDetails ?? []) {
    if (detail instanceof Error) {
      const fragment = /^Fragment identifier '#(.*)' not found on page$/.exec(detail.message);
      const targetPage = target.replace(/#.*$/, '');
      if (fragment) return `no element with id="${fragment[1]}" on ${targetPage === page ? 'this page' : targetPage}`;
    }
  }
  if (link.status === 404) return 'page or file not found (404)';
  if (link.status !== undefined && link.status > 0) return `the server answered ${link.status}`;
  const error = (link.failureDetails ?? []).find((detail): detail is Error => detail instanceof Error);
  if (error) return error.message;
  return 'not a valid URL';
}

/**
 * The broken links among `results`, one per (page, link) pair, sorted by page
 * then link. `origin` is the origin the site was served on.
 */
export function toBrokenLinks(results: readonly CheckedLink[], origin: string): BrokenLink[] {
  const seen = new Set<string>();
  const broken: BrokenLink[] = [];
  for (const result of results) {
    if (result.state !== 'BROKEN') continue;
    const page = result.parent ? toSitePath(result.parent, origin) : '(start page)';
    const target = toSitePath(result.url, origin);
    // A same-page fragment reads best the way it was written: `#source-x`.
    const link = target.startsWith(`${page}#`) ? target.slice(page.length) : target;
    const key = `${page}\u0000${link}`;
    if (seen.has(key)) continue;
    seen.add(key);
    broken.push({ page, link, reason: reasonOf(result, target, page), ...(result.displayText ? { text: result.displayText } : {}) });
  }
  return sortBroken(broken);
}

/** Sort broken links by page, then link (code-point order, so `#x` comes before `/x`). */
export function sortBroken(broken: BrokenLink[]): BrokenLink[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return broken.sort((a, b) => order(a.page, b.page) || order(a.link, b.link));
}

/**
 * Printable lines for broken links, grouped by page. `sourceOf` may name the
 * file a page was built from, so writers know what to edit.
 */
export function formatBrokenLinks(broken: readonly BrokenLink[], sourceOf: (page: string) => string | undefined = () => undefined): string[] {
  const lines: string[] = [];
  let page: string | undefined;
  for (const item of broken) {
    if (item.page !== page) {
      page = item.page;
      const source = sourceOf(page);
      lines.push(`${page}${source ? ` (from ${source})` : ''}`);
    }
    const text = item.text ? ` "${item.text.length > 60 ? `${item.text.slice(0, 57)}...` : item.text}"` : '';
    lines.push(`  ✗ ${item.link}${text}: ${item.reason}`);
  }
  const pages = new Set(broken.map((item) => item.page)).size;
  lines.push(`${broken.length} broken internal link${broken.length === 1 ? '' : 's'} on ${pages} page${pages === 1 ? '' : 's'}.`);
  return lines;
}
