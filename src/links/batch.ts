/**
 * One linkinator run over a batch of starting pages of a site served at `origin`.
 * Its input and output are plain data with site paths, not served URLs,
 * so a batch can run on the main thread or in a worker thread that serves the
 * site itself (./link-worker.ts, ./in-process.ts) with the same result.
 */
import { LinkChecker } from 'linkinator';
import { toBrokenLinks, toSitePath, type BrokenLink } from './broken.ts';

/** What one batch needs; plain data, so it can cross a thread boundary. */
export interface BatchJob {
  /** Starting pages as site paths, e.g. `/explainers/x/`. */
  paths: string[];
  /** The site's public address; links to it are checked against the local copy. */
  site?: string;
  concurrency: number;
  timeout: number;
}

/** What one batch found; plain data. */
export interface BatchResult {
  broken: BrokenLink[];
  /** Every URL linkinator checked (not skipped) in this batch, as site paths. */
  checked: string[];
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

/**
 * Let linkinator check every link of the batch's pages on the site served at
 * `origin` (e.g. `http://built-site.invalid`). Links are checked
 * (pages and fragments included) but not followed: every page of the site is
 * a starting point of some batch. Links to other hosts are skipped.
 */
export async function checkBatch(job: BatchJob, origin: string): Promise<BatchResult> {
  const ownSite = job.site ? siteUrlPattern(job.site) : undefined;
  const isInternal = (href: string) => href.startsWith(`${origin}/`) || href === origin || (ownSite?.test(href) ?? false);
  const { links } = await new LinkChecker().check({
    path: job.paths.map((path) => `${origin}${path}`),
    recurse: false,
    checkFragments: true,
    checkCss: true,
    concurrency: job.concurrency,
    timeout: job.timeout,
    linksToSkip: async (href) => !isInternal(href),
    ...(ownSite ? { urlRewriteExpressions: [{ pattern: ownSite, replacement: origin }] } : {}),
  });
  const checked = new Set<string>();
  for (const link of links) if (link.state !== 'SKIPPED') checked.add(toSitePath(link.url, origin));
  return { broken: toBrokenLinks(links, origin), checked: [...checked] };
}
