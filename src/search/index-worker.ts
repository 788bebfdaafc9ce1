/**
 * Runs Pagefind's Node API in a worker thread. Pagefind drives a native binary;
 * if that binary crashes, its API promise never settles. Inside a worker the
 * crash simply ends the thread, which the parent sees and reports as a failure
 * instead of hanging or exiting silently.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

/** What the parent asks for. */
export interface IndexJob {
  dir: string;
  glob: string;
  outputPath: string;
  excludeSelectors: string[];
}

/** What the worker answers: a page count, or Pagefind's error messages. */
export type IndexJobResult = { ok: true; pages: number } | { ok: false; errors: string[] };

/** Index `job.dir` and write the bundle; Pagefind's reported errors are returned, not thrown. */
export async function runIndexJob(job: IndexJob): Promise<IndexJobResult> {
  const created = await pagefind.createIndex({ excludeSelectors: job.excludeSelectors });
  if (created.errors.length > 0 || !created.index) return { ok: false, errors: ['could not create the index', ...created.errors] };
  const added = await created.index.addDirectory({ path: job.dir, glob: job.glob });
  if (added.errors.length > 0) return { ok: false, errors: [`could not index ${job.dir}`, ...added.errors] };
  const written = await created.index.writeFiles({ outputPath: job.outputPath });
  if (written.errors.length > 0) return { ok: false, errors: [`could not write ${job.outputPath}`, ...written.errors] };
  return { ok: true, pages: added.page_count };
}

if (parentPort && workerData) {
  const port = parentPort;
  // No top-level await: if the binary dies, the thread just ends and the parent reports it.
  void runIndexJob(workerData as IndexJob)
    .then((result) => port.postMessage(result))
    .finally(() => pagefind.close());
}
