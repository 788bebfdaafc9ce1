/**
 * Runs Pagefind's Node API in a worker thread. Pagefind drives a native binary;
 * if that binary crashes, its API promise never settles. Inside a worker the
 * crash simply ends the thread, which the parent sees and reports as a failure
 * instead of hanging or exiting silently.
 *
 * Two ways in: a whole folder at once (`IndexJob` as the worker's data), or
 * pages streamed in while Astro renders them (`StreamJob`, then `page` and
 * `finish` messages; see ./streamed-index.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

/** What the parent asks for: index a folder. */
export interface IndexJob {
  dir: string;
  glob: string;
  outputPath: string;
  excludeSelectors: string[];
}

/** What the parent asks for: index pages as they are sent. */
export interface StreamJob {
  stream: true;
  excludeSelectors: string[];
}

/** A message to a streaming worker. */
export type StreamMessage = { type: 'page'; sourcePath: string; content: string } | { type: 'finish'; outputPath: string };

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

/** Index pages as `port` sends them; on `finish`, write the bundle and answer. */
function runStream(job: StreamJob, port: NonNullable<typeof parentPort>): void {
  const created = pagefind.createIndex({ excludeSelectors: job.excludeSelectors });
  const errors: string[] = [];
  let pages = 0;
  // Every page goes to Pagefind at once: it indexes them side by side, and
  // waiting for each answer before sending the next left it idle.
  const adding: Array<Promise<void>> = [];
  port.on('message', (message: StreamMessage) => {
    if (message.type === 'page') {
      adding.push(
        created.then(async ({ index }) => {
          const result = await index?.addHTMLFile({ sourcePath: message.sourcePath, content: message.content });
          if (result && result.errors.length > 0) errors.push(`could not index ${message.sourcePath}`, ...result.errors);
          else pages += 1;
        }),
      );
      return;
    }
    void Promise.all(adding)
      .then(async (): Promise<IndexJobResult> => {
        const { index, errors: createErrors } = await created;
        if (createErrors.length > 0 || !index) return { ok: false, errors: ['could not create the index', ...createErrors] };
        if (errors.length > 0) return { ok: false, errors };
        const written = await index.writeFiles({ outputPath: message.outputPath });
        if (written.errors.length > 0) return { ok: false, errors: [`could not write ${message.outputPath}`, ...written.errors] };
        return { ok: true, pages };
      })
      .then((result) => port.postMessage(result))
      .finally(async () => {
        await pagefind.close();
        // Let the thread end, so the parent sees it exit.
        port.close();
      });
  });
}

if (parentPort && workerData) {
  const port = parentPort;
  const job = workerData as IndexJob | StreamJob;
  if ('stream' in job) runStream(job, port);
  // No top-level await: if the binary dies, the thread just ends and the parent reports it.
  else
    void runIndexJob(job)
      .then((result) => port.postMessage(result))
      .finally(() => pagefind.close());
}
