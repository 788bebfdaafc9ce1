/**
 * Runs the internal link check's batches across worker threads (piscina),
 * each serving the site to linkinator itself (./in-process.ts), so
 * linkinator's parsing (the bulk of the check) uses every core. Falls back to
 * running the batches one after another on this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import Piscina from 'piscina';
import { checkBatch, type BatchJob, type BatchResult } from './batch.ts';
import { IN_PROCESS_ORIGIN, serveInProcess } from './in-process.ts';
import type { WorkerSetup } from './link-worker.ts';

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
  /** Cap the workers that run a batch again too (tests: a batch that runs out there fails the check); default none. */
  retryHeapMb?: number;
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

const outOfMemory = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * A pool of up to `most` link check workers, `least` of them started up
 * front; `oldGenerationMb` caps each heap (undefined: V8's default). The pool
 * hands a task to a worker started up front at once; a worker it starts later
 * gets its task only once started, and one that dies while starting (a worker
 * out of memory can) would leave that task waiting forever.
 *
 * piscina rather than tinypool: equal in speed (4.7 s on the 1,000-explainer
 * build, as the hand-written pool before them), but tinypool's destroy()
 * throws an uncaught TypeError and never settles when a worker dies meanwhile,
 * which is just what a worker out of memory does.
 */
function workerPool(options: PoolOptions, least: number, most: number, oldGenerationMb?: number): Piscina {
  const pool = new Piscina({
    filename: WORKER,
    minThreads: least,
    maxThreads: most,
    workerData: { dir: options.dir, ...(options.site ? { site: options.site } : {}) } satisfies WorkerSetup,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(oldGenerationMb ? { maxOldGenerationSizeMb: oldGenerationMb } : {}) },
  });
  // A replacement worker that dies while starting reports here, with no batch of its own to fail.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Check `jobs`, on up to `threads` worker threads, each taking the next batch
 * when it finishes one (the first batches, the longest, start first).
 * Results come back in the order of `jobs`. A capped worker that runs out of
 * memory hands its thread to a worker without the cap, which runs that batch
 * again first; a batch that runs out there fails the check (there is nothing
 * left to raise).
 */
export async function runBatches(jobs: readonly BatchJob[], options: PoolOptions): Promise<BatchResult[]> {
  const count = Math.min(options.threads, jobs.length);
  // Workers run the .ts sources directly, so they need Node's type stripping.
  // This thread's HTTP client is only borrowed when no worker can run (see ./in-process.ts).
  if (count < 1 || !process.features.typescript || !existsSync(WORKER)) return inSequence(jobs, options);
  const capped = workerPool(options, count, count, options.heapMb ?? oldGenerationMb(options.siteBytes ?? 0));
  let uncapped: Piscina | undefined;
  // Threads given up by capped workers that ran out; capped batches never
  // outnumber the capped workers left, so none waits for a replacement that
  // might itself die while starting.
  let outOfMemoryCount = 0;
  let cappedRunning = 0;
  const runUncapped = async (job: BatchJob): Promise<BatchResult> => {
    uncapped ??= workerPool(options, 1, count, options.retryHeapMb);
    try {
      return (await uncapped.run(job)) as BatchResult;
    } catch (cause) {
      if (!outOfMemory(cause)) throw cause;
      throw new Error(`A link check batch (${job.paths.length} pages from ${job.paths[0]}) ran out of memory even on a worker without the usual heap cap.`, { cause });
    }
  };
  const run = async (job: BatchJob): Promise<BatchResult> => {
    if (cappedRunning >= count - outOfMemoryCount) return runUncapped(job);
    cappedRunning++;
    try {
      return (await capped.run(job)) as BatchResult;
    } catch (error) {
      if (!outOfMemory(error)) throw error;
      outOfMemoryCount++;
    } finally {
      cappedRunning--;
    }
    return runUncapped(job);
  };
  // One batch per thread at a time across both pools.
  const slots = new PQueue({ concurrency: count });
  try {
    return await slots.addAll(jobs.map((job) => () => run(job)));
  } finally {
    await Promise.all([capped.destroy(), uncapped?.destroy()]);
  }
}
