/**
 * Builds the Pagefind search index of every `astro build`, so `npm run build`
 * always ships a search index that matches the pages it just wrote.
 *
 * Pages are indexed while Astro renders them (../search/streamed-index.ts).
 * At the end, the pages fed are compared with the pages on disk, file by file
 * and size by size; on any difference the index is built again from disk,
 * so a feed that missed a page can cost time but never a page.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { IndexJob, IndexJobResult } from '../search/index-worker.ts';
import { articleSourcePath } from '../search/index-feed.ts';
import { startStreamedIndex, type StreamedIndex } from '../search/streamed-index.ts';

/** Set to `1` to build without a search index (benchmarks of the Astro build alone). */
export const SKIP_ENV = 'SKIP_SEARCH_INDEX';

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
  /** Whether the pages were indexed while Astro rendered them (else read back from disk). */
  streamed: boolean;
  /** Why a streamed index was dropped and the pages read from disk instead. */
  fallback?: string;
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

/** Every explainer page in the built site `dir`, with its size: what the index must hold. */
async function articleFiles(dir: string): Promise<Map<string, number>> {
  const entries = await readdir(join(dir, 'explainers'), { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, number>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (articleSourcePath(`/${path}`)) files.set(path, (await stat(join(dir, path))).size);
  }
  return files;
}

/** Why the pages fed differ from the pages on disk, or undefined when they match. */
function feedMismatch(fed: ReadonlyMap<string, number>, onDisk: ReadonlyMap<string, number>): string | undefined {
  for (const [path, size] of onDisk) {
    if (!fed.has(path)) return `${path} was not seen while rendering`;
    if (fed.get(path) !== size) return `${path} on disk differs from the page rendered`;
  }
  for (const path of fed.keys()) if (!onDisk.has(path)) return `${path} was rendered but is not on disk`;
  return undefined;
}

/**
 * Index the built site in `dir` and write the bundle to `<dir>/pagefind`,
 * finishing `streamed` when it holds exactly the pages on disk.
 * Any failure is thrown as `Failed to run Pagefind.` with Pagefind's own message as the cause.
 */
export async function indexSite(dir: string, streamed?: StreamedIndex): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(dir, 'pagefind');
  try {
    const existing = await stat(outputPath).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
      await streamed?.cancel();
      throw new Error(`${outputPath} is a file, but the search index is written to that folder: rename public/pagefind`);
    }
    const fallback = streamed ? feedMismatch(streamed.fed, await articleFiles(dir)) : undefined;
    if (fallback) await streamed?.cancel();
    const useStream = streamed !== undefined && fallback === undefined;
    const result = useStream ? await streamed.finish(outputPath) : await runWorker({ dir, glob: ARTICLE_GLOB, outputPath, excludeSelectors: EXCLUDE_SELECTORS });
    if (!result.ok) throw new Error(result.errors.join(': '));
    const ms = performance.now() - started;
    const [indexBytes, bundleBytes] = await Promise.all([indexDataBytes(outputPath), folderBytes(outputPath)]);
    return { pages: result.pages, ms, indexBytes, bundleBytes, outputPath, streamed: useStream, ...(fallback ? { fallback } : {}) };
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
  // Streamed, most of the work happened while Astro rendered: the time is what was left after it.
  const when = stats.streamed ? ' as Astro rendered them, finished' : '';
  return `Indexed ${stats.pages} ${noun}${when} in ${(stats.ms / 1000).toFixed(2)} s (index ${formatBytes(stats.indexBytes)}${perPage}).`;
}

/** The Astro integration: indexes pages as they are rendered, and finishes the index once the build is done. */
export function pagefindIntegration(): AstroIntegration {
  const skipped = () => process.env[SKIP_ENV] === '1';
  let streamed: StreamedIndex | undefined;
  return {
    name: 'explainers:pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build' && !skipped()) addMiddleware({ entrypoint: new URL('../search/index-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': () => {
        if (!skipped()) streamed = startStreamedIndex(EXCLUDE_SELECTORS);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (skipped()) {
          logger.warn(`Search index skipped (${SKIP_ENV}=1): the search page will report that search is unavailable.`);
          return;
        }
        // A failure propagates: Astro fails the build and prints the message with its cause.
        const stats = await indexSite(fileURLToPath(dir), streamed);
        streamed = undefined;
        if (stats.fallback) logger.warn(`Search index built again from disk: ${stats.fallback}.`);
        logger.info(summary(stats));
        if (stats.pages === 0) logger.warn('No explainer pages were found to index: search will find nothing.');
      },
    },
  };
}

export default pagefindIntegration;
