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

/**
 * Old generation of each worker's heap: 4 bytes per byte of HTML in the
 * site, at least 256 MB. V8's default lets a worker grow to gigabytes before
 * it collects; measured on 1,000 explainers (63 MB of HTML), the 256 MB cap
 * took the check's peak memory from 700 to 440 MB at the same speed. With
 * 5,000 explainers, 256 MB ran out on the batch of the pages listing sources. A batch
 * that runs out anyway is not lost: it runs again on a worker without a cap.
 */
export function oldGenerationMb(siteBytes: number): number {
  return Math.max(256, Math.ceil((4 * siteBytes) / 2 ** 20));
}

/** How to run the batches. */
export interface PoolOptions {
  /** The built site folder (each worker serves it). */
  dir: string;
  /** Most worker threads (at least one is used when threads can run here). */
  threads: number;
  /** The site's public address (see ./in-process.ts). */
  site?: string;
  /** Bytes of HTML and CSS in the site, to size each worker's heap (see {@link oldGenerationMb}). */
  siteBytes?: number;
  /** Cap each worker's old generation at this many MB instead (tests of running out of memory). */
  heapMb?: number;
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

/** How a worker's run ended: every job taken was done, or it ran out of memory (during `lost`, if it was running one). */
type Ending = { outOfMemory: false } | { outOfMemory: true; lost?: number };

/** Feed `worker` the next unclaimed job until none are left. */
function drive(worker: Worker, jobs: readonly BatchJob[], claim: () => number | undefined, results: BatchResult[]): Promise<Ending> {
  return new Promise((done, fail) => {
    let running: number | undefined;
    const send = () => {
      running = claim();
      if (running === undefined) done({ outOfMemory: false });
      else worker.postMessage({ id: running, job: jobs[running]! } satisfies BatchRequest);
    };
    worker.on('message', (message: BatchReply | 'ready') => {
      if (message === 'ready') return send();
      if (!message.result) return fail(message.error);
      results[message.id] = message.result;
      send();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(error);
      done(running === undefined ? { outOfMemory: true } : { outOfMemory: true, lost: running });
    });
    worker.once('exit', (code) => fail(new Error(`Link check worker stopped (exit code ${code}).`)));
  });
}

/** A worker for `options`; `oldGenerationMb` caps its heap (undefined: V8's default). */
function startWorker(options: PoolOptions, oldGenerationMb?: number): Worker {
  return new Worker(WORKER, {
    workerData: { dir: options.dir, ...(options.site ? { site: options.site } : {}) } satisfies WorkerSetup,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(oldGenerationMb ? { maxOldGenerationSizeMb: oldGenerationMb } : {}) },
  });
}

/**
 * Run `jobs` on `workers`, each taking the next. A worker out of memory is
 * replaced by one without the cap, which takes its batch first.
 */
async function runOn(workers: Worker[], options: PoolOptions, jobs: readonly BatchJob[], results: BatchResult[]): Promise<void> {
  const retry: number[] = [];
  let next = 0;
  const claim = () => retry.shift() ?? (next < jobs.length ? next++ : undefined);
  const started: Worker[] = [];
  const run = async (worker: Worker, capped: boolean): Promise<void> => {
    started.push(worker);
    const ending = await drive(worker, jobs, claim, results);
    if (!ending.outOfMemory) return;
    // Without a cap there is nothing left to raise: say so instead of retrying forever.
    if (!capped) throw new Error('A link check worker ran out of memory with no cap on its heap.');
    if (ending.lost !== undefined) retry.push(ending.lost);
    await run(startWorker(options), false);
  };
  try {
    await Promise.all(workers.map((worker) => run(worker, true)));
  } finally {
    await Promise.all(started.map((worker) => worker.terminate()));
  }
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
  const workers = Array.from({ length: count }, () => startWorker(options, options.heapMb ?? oldGenerationMb(options.siteBytes ?? 0)));
  await runOn(workers, options, jobs, results);
  return results;
}
