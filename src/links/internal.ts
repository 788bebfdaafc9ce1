/**
 * The internal link check: lets linkinator follow every internal link, asset
 * and `#fragment` from every page of a built site, served as a static host
 * would serve it. Links to the site's own public address are checked against
 * the local copy; all other external URLs are skipped (the link-rot check
 * watches them).
 *
 * Parts: ./plan.ts splits the pages into batches, ./link-pool.ts runs them on
 * worker threads (./link-worker.ts, each serving the site to linkinator itself
 * with ./in-process.ts), ./batch.ts is one linkinator run, ./broken.ts words
 * the findings.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import type { BatchJob } from './batch.ts';
import { sortBroken, type BrokenLink } from './broken.ts';
import { runBatches } from './link-pool.ts';
import { planBatches, type SizedPage } from './plan.ts';

export { siteUrlPattern } from './batch.ts';

/** Options for {@link checkInternalLinks}. */
export interface InternalCheckOptions {
  /** The built site folder (Astro's `dist/`). */
  dir: string;
  /** The site's public address (Astro `site`), e.g. `https://explainers.example.org`; links to it are checked locally. */
  site?: string;
  /** Simultaneous requests per batch (default 32). */
  concurrency?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeout?: number;
  /** Most starting pages per linkinator run (default 250); bounds memory on large sites. */
  batchSize?: number;
  /** Most bytes of starting pages per linkinator run (default 4 MiB); see ./plan.ts. */
  batchBytes?: number;
  /** Worker threads running batches at once (default: one per core, at most 4). */
  threads?: number;
}

/** What the check found. */
export interface InternalCheckResult {
  broken: BrokenLink[];
  /** HTML pages found in `dir` (each one is a starting point). */
  pages: number;
  /** Distinct internal URLs checked (pages, assets, fragments). */
  checked: number;
}

/**
 * Every `.html` (or other `extensions`) file under `dir` with its size, as
 * site paths (`a/index.html` → `/a/`), sorted by path. A recursive readdir,
 * not fs.glob: on the 1,000-explainer build glob took 80 ms to readdir's 29.
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

/**
 * Each worker holds a batch's worth of linkinator state (a few hundred MB on a
 * large site), and the batch of heavy pages bounds the run time anyway.
 */
const MAX_THREADS = 4;

/** Check every internal link of the built site in `dir`. */
export async function checkInternalLinks(options: InternalCheckOptions): Promise<InternalCheckResult> {
  // One walk for both: pages (`/a/`, `/a.html`) and stylesheets (`/a.css`).
  const files = await sizedFiles(options.dir, ['.html', '.css']);
  const pages = files.filter((file) => !file.path.endsWith('.css'));
  const stylesheets = files.filter((file) => file.path.endsWith('.css'));
  const timeout = options.timeout ?? 30_000;
  // Every page and stylesheet is a starting point of one batch, so nothing
  // needs crawling: an unlinked page is still checked. In batches, because
  // linkinator keeps every result of a run in memory and gets slower with
  // each one (see ./plan.ts); the batches run in parallel, see ./link-pool.ts.
  const batches = planBatches([...pages, ...stylesheets], { pages: options.batchSize ?? 250, bytes: options.batchBytes ?? 4 << 20 });
  const jobs: BatchJob[] = batches.map((paths) => ({ paths, ...(options.site ? { site: options.site } : {}), concurrency: options.concurrency ?? 32, timeout }));
  const siteBytes = [...pages, ...stylesheets].reduce((sum, page) => sum + page.size, 0);
  const broken: BrokenLink[] = [];
  const checked = new Set<string>();
  try {
    const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
    for (const result of await runBatches(jobs, { dir: options.dir, threads, siteBytes, ...(options.site ? { site: options.site } : {}) })) {
      for (const url of result.checked) checked.add(url);
      broken.push(...result.broken);
    }
  } catch (cause) {
    throw new Error('Failed to run linkinator over the built site.', { cause });
  }
  return { broken: sortBroken(broken), pages: pages.length, checked: checked.size };
}
