/**
 * Builds the Pagefind search index over the finished site at the end of
 * `astro build` (a stage of ./site-checks.ts), so `npm run build` always ships
 * a search index that matches the pages it just wrote.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isOn, SETTINGS } from '../config/env.ts';
import type { IndexJob, IndexJobResult } from '../search/index-worker.ts';
import type { StageLogger } from './stages.ts';

/** The switch that builds without a search index (src/config/env.ts). */
export const SKIP_ENV = SETTINGS.skipSearchIndex.env;

/**
 * Only explainer pages are candidates; everything else (home, 404, search, and the
 * `/explainers/` list itself, hence the `*` level) never enters the index.
 */
export const ARTICLE_GLOB = 'explainers/*/**/*.html';

/**
 * Page chrome inside the indexed article that would only add noise to results:
 * marker numbers, list numbers, back-links, type badges and the "Analysis" label.
 */
export const EXCLUDE_SELECTORS = ['.cite', '.source__number', '.source__backlinks', '.source__type', '.analysis__label'];

/** What one indexing run produced. */
export interface IndexStats {
  /** Pages Pagefind indexed. */
  pages: number;
  /** Wall-clock time of the indexing run in milliseconds. */
  ms: number;
  /** Bytes of index data (word index, fragments, filters, metadata), without Pagefind's own scripts. */
  indexBytes: number;
  /** Bytes of everything written to the bundle folder, scripts and WebAssembly included. */
  bundleBytes: number;
  /** The bundle folder, `<dir>/pagefind`. */
  outputPath: string;
}

/** Total size of the files under `path` (0 when it does not exist). */
async function folderBytes(path: string): Promise<number> {
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Bytes of the searchable data alone: what grows with every article. */
async function indexDataBytes(outputPath: string): Promise<number> {
  const top = await readdir(outputPath, { withFileTypes: true });
  const metaFiles = top.filter((entry) => entry.isFile() && (entry.name.endsWith('.pf_meta') || entry.name === 'pagefind-entry.json'));
  const metaBytes = await Promise.all(metaFiles.map(async (entry) => (await stat(join(outputPath, entry.name))).size));
  const folders = await Promise.all(['index', 'fragment', 'filter'].map((name) => folderBytes(join(outputPath, name))));
  return [...metaBytes, ...folders].reduce((sum, size) => sum + size, 0);
}

/** Run one indexing job in a worker thread; a crashed Pagefind binary ends the thread instead of hanging the build. */
function runWorker(job: IndexJob): Promise<IndexJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../search/index-worker.ts', import.meta.url), { workerData: job });
    let result: IndexJobResult | undefined;
    worker.once('message', (message: IndexJobResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the Pagefind process stopped before finishing (exit code ${code}); its own message is printed above`));
    });
  });
}

/**
 * Index the built site in `dir` and write the bundle to `<dir>/pagefind`.
 * Any failure is thrown as `Failed to run Pagefind.` with Pagefind's own message as the cause.
 */
export async function indexSite(dir: string): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(dir, 'pagefind');
  try {
    const existing = await stat(outputPath).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
      throw new Error(`${outputPath} is a file, but the search index is written to that folder: rename public/pagefind`);
    }
    const result = await runWorker({ dir, glob: ARTICLE_GLOB, outputPath, excludeSelectors: EXCLUDE_SELECTORS });
    if (!result.ok) throw new Error(result.errors.join(': '));
    const ms = performance.now() - started;
    const [indexBytes, bundleBytes] = await Promise.all([indexDataBytes(outputPath), folderBytes(outputPath)]);
    return { pages: result.pages, ms, indexBytes, bundleBytes, outputPath };
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  }
}

/** `12345` → `12.1 kB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** One line for the build log: pages, time, and index size per page. */
export function summary(stats: IndexStats): string {
  const perPage = stats.pages > 0 ? `, ${formatBytes(Math.round(stats.indexBytes / stats.pages))} per page` : '';
  const noun = stats.pages === 1 ? 'page' : 'pages';
  return `Indexed ${stats.pages} ${noun} in ${(stats.ms / 1000).toFixed(2)} s (index ${formatBytes(stats.indexBytes)}${perPage}).`;
}

/**
 * The search stage of the finished-site checks (./site-checks.ts): index the site in `dir`
 * and log what was indexed. A Pagefind failure is thrown (`Failed to run Pagefind.`).
 */
export async function searchIndexStage(dir: string, logger: StageLogger): Promise<undefined> {
  if (isOn('skipSearchIndex')) {
    logger.warn(`Search index skipped (${SKIP_ENV}=1): the search page will report that search is unavailable.`);
    return undefined;
  }
  const stats = await indexSite(dir);
  logger.info(summary(stats));
  if (stats.pages === 0) logger.warn('No explainer pages were found to index: search will find nothing.');
  return undefined;
}
