/**
 * Builds the Pagefind search index over the finished site at the end of
 * `astro build`, so `npm run build` always ships a search index that matches
 * the pages it just wrote.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Set to `1` to build without a search index (benchmarks of the Astro build alone). */
export const SKIP_ENV = 'SKIP_SEARCH_INDEX';

/** Only explainer pages are candidates; everything else (home, 404, search) never enters the index. */
export const ARTICLE_GLOB = 'explainers/**/*.html';

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

/** Turn Pagefind's `errors` array into a thrown error, since its API reports rather than throws. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`${step}: ${errors.join('; ')}`);
}

/**
 * Index the built site in `dir` and write the bundle to `<dir>/pagefind`.
 * Any failure is thrown as `Failed to run Pagefind.` with Pagefind's own message as the cause.
 */
export async function indexSite(dir: string): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(dir, 'pagefind');
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    check('could not create the index', created.errors);
    if (!created.index) throw new Error('could not create the index: Pagefind returned no index');
    const added = await created.index.addDirectory({ path: dir, glob: ARTICLE_GLOB });
    check(`could not index ${dir}`, added.errors);
    const written = await created.index.writeFiles({ outputPath });
    check(`could not write ${outputPath}`, written.errors);
    const ms = performance.now() - started;
    const [indexBytes, bundleBytes] = await Promise.all([indexDataBytes(outputPath), folderBytes(outputPath)]);
    return { pages: added.page_count, ms, indexBytes, bundleBytes, outputPath };
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    // The Node API drives a child process; stop it so the build can exit.
    await pagefind.close().catch(() => null);
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

/** The Astro integration: runs `indexSite` over the output folder once the build is done. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'explainers:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[SKIP_ENV] === '1') {
          logger.warn(`Search index skipped (${SKIP_ENV}=1): the search page will report that search is unavailable.`);
          return;
        }
        try {
          logger.info(summary(await indexSite(fileURLToPath(dir))));
        } catch (error) {
          // Astro prints only the message; show Pagefind's reason too.
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
          logger.error(`Pagefind failed: ${cause}`);
          throw error;
        }
      },
    },
  };
}

export default pagefindIntegration;
