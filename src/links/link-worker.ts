/**
 * Worker thread body for the internal link check: serves the built site to
 * linkinator inside this thread (./in-process.ts) and runs the batches the
 * main thread posts, one at a time, posting each result back under its id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch, type BatchJob, type BatchResult } from './batch.ts';
import { IN_PROCESS_ORIGIN, serveInProcess } from './in-process.ts';

/** What the main thread passes to a worker. */
export interface WorkerSetup {
  /** The built site folder. */
  dir: string;
  /** The site's public address: links to it stay in the pages served (see ./in-process.ts). */
  site?: string;
}

/** A message from the main thread: a batch to check. */
export interface BatchRequest {
  id: number;
  job: BatchJob;
}

/** A message to the main thread: a batch's result, or why it failed. */
export interface BatchReply {
  id: number;
  result?: BatchResult;
  error?: unknown;
}

const port = parentPort;
const { dir, site } = workerData as WorkerSetup;
serveInProcess(dir, site);
port?.on('message', async ({ id, job }: BatchRequest) => {
  try {
    port.postMessage({ id, result: await checkBatch(job, IN_PROCESS_ORIGIN) } satisfies BatchReply);
  } catch (error) {
    // Errors survive structured cloning (message, stack, cause).
    port.postMessage({ id, error } satisfies BatchReply);
  }
});
port?.postMessage('ready');
