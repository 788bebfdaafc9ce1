/**
 * The internal link check: serves a built site on loopback and lets
 * linkinator follow every internal link, asset and `#fragment` from every
 * page. Links to the site's own public address are checked against the local
 * copy; all other external URLs are skipped (the link-rot check watches them).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LinkChecker } from 'linkinator';
import { toBrokenLinks, type BrokenLink, type CheckedLink } from './broken.ts';
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

/** Check every internal link of the built site in `dir`. */
export async function checkInternalLinks(options: InternalCheckOptions): Promise<InternalCheckResult> {
  const pages = await htmlPages(options.dir);
  const stylesheets = (await htmlPages(options.dir, ['.css'])).filter((path) => !pages.includes(path));
  const server = await serveDir(options.dir);
  const { origin } = server;
  const ownSite = options.site ? siteUrlPattern(options.site) : undefined;
  const isInternal = (href: string) => href.startsWith(`${origin}/`) || href === origin || (ownSite?.test(href) ?? false);
  let results: CheckedLink[] = [];
  try {
    if (pages.length === 0) return { broken: [], pages: 0, checked: 0, origin };
    const checker = new LinkChecker();
    ({ links: results } = await checker.check({
      // Every page and stylesheet is a starting point, so nothing needs crawling:
      // links are checked (pages and fragments included) but not followed, and
      // an unlinked page is still checked.
      path: [...pages, ...stylesheets].map((page) => `${origin}${page}`),
      recurse: false,
      checkFragments: true,
      checkCss: true,
      concurrency: options.concurrency ?? 32,
      timeout: options.timeout ?? 30_000,
      linksToSkip: async (href) => !isInternal(href),
      ...(ownSite ? { urlRewriteExpressions: [{ pattern: ownSite, replacement: origin }] } : {}),
    }));
  } catch (cause) {
    throw new Error('Failed to run linkinator over the built site.', { cause });
  } finally {
    await server.close();
  }
  const checked = new Set(results.filter((r) => r.state !== 'SKIPPED').map((r) => r.url)).size;
  return { broken: toBrokenLinks(results, origin), pages: pages.length, checked, origin };
}
