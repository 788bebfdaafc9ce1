/**
 * Runs the internal link check's batches across worker threads, each serving
 * the site to linkinator itself (./in-process.ts), so linkinator's parsing
 * (the bulk of the check) uses every core. Falls back to running the batches
 * one after another on this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkBatch, type BatchJob, type BatchResult } from './batch.ts';
import { IN_PROCESS_ORIGIN, serveInProcess } from './in-process.ts';
import type { BatchReply, BatchRequest, WorkerSetup } from './link-worker.ts';

const WORKER = fileURLToPath(new URL('./link-worker.ts', import.meta.url));

/**
 * Young generation of each worker's heap. Measured on a 1,000-page site: as
 * fast as V8's default and about 100 MB less peak memory; 16 MB was slower.
 */
const YOUNG_GENERATION_MB = 32;

/** How to run the batches. */
export interface PoolOptions {
  /** The built site folder (each worker serves it). */
  dir: string;
  /** Most worker threads (at least one is used when threads can run here). */
  threads: number;
  /** The site's public address (see ./in-process.ts). */
  site?: string;
}

async function inSequence(jobs: readonly BatchJob[], options: PoolOptions): Promise<BatchResult[]> {
  const restore = serveInProcess(options.dir, options.site);
  try {
    const results: BatchResult[] = [];
    for (const job of jobs) results.push(await checkBatch(job, IN_PROCESS_ORIGIN));
    return results;
  } finally {
    restore();
  }
}

/** Feed `worker` the next unclaimed job until none are left. */
function drive(worker: Worker, jobs: readonly BatchJob[], claim: () => number | undefined, results: BatchResult[]): Promise<void> {
  return new Promise((done, fail) => {
    const send = () => {
      const id = claim();
      if (id === undefined) done();
      else worker.postMessage({ id, job: jobs[id]! } satisfies BatchRequest);
    };
    worker.on('message', (message: BatchReply | 'ready') => {
      if (message === 'ready') return send();
      if (!message.result) return fail(message.error);
      results[message.id] = message.result;
      send();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`Link check worker stopped (exit code ${code}).`)));
  });
}

/**
 * Check `jobs`, on up to `threads` worker threads, each taking the next batch
 * when it finishes one (the first batches, the longest, start first).
 * Results come back in the order of `jobs`.
 */
export async function runBatches(jobs: readonly BatchJob[], options: PoolOptions): Promise<BatchResult[]> {
  const count = Math.min(options.threads, jobs.length);
  // Workers run the .ts sources directly, so they need Node's type stripping.
  // This thread's HTTP client is only borrowed when no worker can run (see ./in-process.ts).
  if (count < 1 || !process.features.typescript || !existsSync(WORKER)) return inSequence(jobs, options);
  const results: BatchResult[] = new Array(jobs.length);
  let next = 0;
  const claim = () => (next < jobs.length ? next++ : undefined);
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(WORKER, {
        workerData: { dir: options.dir, ...(options.site ? { site: options.site } : {}) } satisfies WorkerSetup,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      }),
  );
  try {
    await Promise.all(workers.map((worker) => drive(worker, jobs, claim, results)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
