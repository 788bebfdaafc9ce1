/**
 * The internal link check: serves a built site on loopback and lets
 * linkinator follow every internal link, asset and `#fragment` from every
 * page. Links to the site's own public address are checked against the local
 * copy; all other external URLs are skipped (the link-rot check watches them).
 *
 * Parts: ./plan.ts splits the pages into batches, ./link-pool.ts runs them on
 * worker threads (./link-worker.ts, each serving the site itself with
 * ./serve-dir.ts), ./batch.ts is one linkinator run, ./broken.ts words the
 * findings.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import type { BatchJob } from './batch.ts';
import { sortBroken, type BrokenLink } from './broken.ts';
import { runBatches } from './link-pool.ts';
import { planBatches, type SizedPage } from './plan.ts';
import { serveDir } from './serve-dir.ts';

export { siteUrlPattern } from './batch.ts';

/** Options for {@link checkInternalLinks}. */
export interface InternalCheckOptions {
  /** The built site folder (Astro's `dist/`). */
  dir: string;
  /** The site's public address (Astro `site`), e.g. `https://explainers.example.org`; links to it are checked locally. */
  site?: string;
  /** Simultaneous requests per batch to its loopback server (default 32). */
  concurrency?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeout?: number;
  /** Most starting pages per linkinator run (default 250); bounds memory on large sites. */
  batchSize?: number;
  /** Most bytes of starting pages per linkinator run (default 4 MiB); see ./plan.ts. */
  batchBytes?: number;
  /** Worker threads running batches at once (default: one per core, at most 4; 1 runs them on this thread). */
  threads?: number;
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
 * Every `.html` (or other `extensions`) file under `dir` with its size, as
 * site paths (`a/index.html` → `/a/`), sorted by path.
 */
async function sizedFiles(dir: string, extensions: readonly string[]): Promise<SizedPage[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name));
  const pages = await Promise.all(
    files.map(async (file) => {
      const path = `/${relative(dir, file).split(sep).join('/')}`;
      return { path: path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path, size: (await stat(file)).size };
    }),
  );
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every `.html` (and `.css`) file under `dir`, as site paths
 * (`a/index.html` → `/a/`): the starting points of the check.
 */
export async function htmlPages(dir: string, extensions: readonly string[] = ['.html']): Promise<string[]> {
  return (await sizedFiles(dir, extensions)).map((page) => page.path);
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

/**
 * Each worker holds a batch's worth of linkinator state (a few hundred MB on a
 * large site), and the batch of heavy pages bounds the run time anyway.
 */
const MAX_THREADS = 4;

/** Check every internal link of the built site in `dir`. */
export async function checkInternalLinks(options: InternalCheckOptions): Promise<InternalCheckResult> {
  const pages = await sizedFiles(options.dir, ['.html']);
  const pageSet = new Set(pages.map((page) => page.path));
  const stylesheets = (await sizedFiles(options.dir, ['.css'])).filter((sheet) => !pageSet.has(sheet.path));
  // The build is finished, so what is on disk can be remembered while it is served.
  const server = await serveDir(options.dir, { cache: true });
  const { origin } = server;
  const timeout = options.timeout ?? 30_000;
  // Every page and stylesheet is a starting point of one batch, so nothing
  // needs crawling: an unlinked page is still checked. In batches, because
  // linkinator keeps every result of a run in memory and gets slower with
  // each one (see ./plan.ts); the batches run in parallel, see ./link-pool.ts.
  const batches = planBatches([...pages, ...stylesheets], { pages: options.batchSize ?? 250, bytes: options.batchBytes ?? 4 << 20 });
  const jobs: BatchJob[] = batches.map((paths) => ({ paths, ...(options.site ? { site: options.site } : {}), concurrency: options.concurrency ?? 32, timeout }));
  const broken: BrokenLink[] = [];
  const checked = new Set<string>();
  try {
    const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
    for (const result of await runBatches(jobs, { dir: options.dir, threads, origin })) {
      for (const url of result.checked) checked.add(url);
      broken.push(...result.broken);
    }
    // linkinator's parsing shares the CPU with a loopback server, so on a large
    // site a request can time out while the page is fine. A timeout is never a verdict:
    // ask again, one at a time, with the checkers done.
    const settled = await recheckTimeouts(broken, origin, timeout);
    broken.splice(0, broken.length, ...settled);
  } catch (cause) {
    throw new Error('Failed to run linkinator over the built site.', { cause });
  } finally {
    await server.close();
  }
  return { broken: sortBroken(broken), pages: pages.length, checked: checked.size, origin };
}
