/**
 * The internal link check: serves a built site on loopback and lets
 * linkinator follow every internal link, asset and `#fragment` from every
 * page. Links to the site's own public address are checked against the local
 * copy; all other external URLs are skipped (the link-rot check watches them).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LinkChecker } from 'linkinator';
import { sortBroken, toBrokenLinks, type BrokenLink } from './broken.ts';
import { serveDir } from './serve-dir.ts';

/** Options for {@link checkInternalLinks}. */
export interface InternalCheckOptions {
  /** The built site folder (Astro's `dist/`). */
  dir: string;
  /** The site's public address (Astro `site`), e.g. `https://explainers.example.org`; links to it are checked locally. */
  site?: string;
  /** Simultaneous requests to the local server (default 32). */
  concurrency?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeout?: number;
  /** Starting pages per linkinator run (default 250); bounds memory on large sites. */
  batchSize?: number;
}

/** What the check found. */
export interface InternalCheckResult {
  broken: BrokenLink[];
  /** HTML pages found in `dir` (each one is a starting point). */
  pages: number;
  /** Distinct internal URLs checked (pages, assets, fragments). */
  checked: number;
  /** Loopback origin the site was served on (only valid during the check). */
  origin: string;
}

/**
 * Every `.html` (and `.css`) file under `dir`, as site paths
 * (`a/index.html` → `/a/`): the starting points of the check.
 */
export async function htmlPages(dir: string, extensions: readonly string[] = ['.html']): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .map((path) => (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path))
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching the site's own absolute URLs over http or https (with or
 * without the default port), anchored so `https://site.org.evil` never matches.
 */
export function siteUrlPattern(site: string): RegExp | undefined {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const port = url.port ? `:${url.port}` : '(?::80|:443)?';
  return new RegExp(`^https?://${escapeRegExp(url.hostname)}${port}(?=[/?#]|$)`, 'i');
}

const TIMEOUT = /timeout|timed out|aborted/i;

/** Drop links reported broken only because a request timed out, once a calm retry finds them. */
export async function recheckTimeouts(broken: BrokenLink[], origin: string, timeout: number): Promise<BrokenLink[]> {
  const pages = new Map<string, string | undefined>();
  const kept: BrokenLink[] = [];
  for (const link of broken) {
    if (!TIMEOUT.test(link.reason) || !link.link.startsWith('/')) {
      kept.push(link);
      continue;
    }
    const [path = '', fragment] = link.link.split('#');
    if (!pages.has(path)) {
      try {
        const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(timeout * 4) });
        const body = await response.text();
        pages.set(path, response.ok ? body : undefined);
      } catch {
        pages.set(path, undefined);
      }
    }
    const body = pages.get(path);
    const found = body !== undefined && (!fragment || body.includes(`id="${decodeURIComponent(fragment)}"`));
    if (!found) kept.push(body === undefined ? link : { ...link, reason: `no element with id="${fragment}" on ${path}` });
  }
  return kept;
}

/** Check every internal link of the built site in `dir`. */
export async function checkInternalLinks(options: InternalCheckOptions): Promise<InternalCheckResult> {
  const pages = await htmlPages(options.dir);
  const pageSet = new Set(pages);
  const stylesheets = (await htmlPages(options.dir, ['.css'])).filter((path) => !pageSet.has(path));
  const server = await serveDir(options.dir);
  const { origin } = server;
  const ownSite = options.site ? siteUrlPattern(options.site) : undefined;
  const isInternal = (href: string) => href.startsWith(`${origin}/`) || href === origin || (ownSite?.test(href) ?? false);
  // Every page and stylesheet is a starting point, so nothing needs crawling:
  // links are checked (pages and fragments included) but not followed, and
  // an unlinked page is still checked.
  const starts = [...pages, ...stylesheets].map((page) => `${origin}${page}`);
  const batch = options.batchSize ?? 250;
  const broken: BrokenLink[] = [];
  const checked = new Set<string>();
  try {
    // In batches: linkinator keeps every result and relationship of a check in
    // memory, so one check over a large site would hold them all at once.
    for (let first = 0; first < starts.length; first += batch) {
      const { links } = await new LinkChecker().check({
        path: starts.slice(first, first + batch),
        recurse: false,
        checkFragments: true,
        checkCss: true,
        concurrency: options.concurrency ?? 32,
        timeout: options.timeout ?? 30_000,
        linksToSkip: async (href) => !isInternal(href),
        ...(ownSite ? { urlRewriteExpressions: [{ pattern: ownSite, replacement: origin }] } : {}),
      });
      for (const link of links) if (link.state !== 'SKIPPED') checked.add(link.url);
      broken.push(...toBrokenLinks(links, origin));
    }
    // Our own loopback server shares the event loop with linkinator's parsing, so on a large
    // site a request can time out while the page is fine. A timeout is never a verdict:
    // ask again, one at a time, with the loop idle.
    const settled = await recheckTimeouts(broken, origin, options.timeout ?? 30_000);
    broken.splice(0, broken.length, ...settled);
  } catch (cause) {
    throw new Error('Failed to run linkinator over the built site.', { cause });
  } finally {
    await server.close();
  }
  return { broken: sortBroken(broken), pages: pages.length, checked: checked.size, origin };
}
