/**
 * Worker thread body for the internal link check (run by piscina from
 * ./link-pool.ts): serves the built site to linkinator inside this thread
 * (./in-process.ts) once, when the worker starts, then checks one batch per
 * task.
 */
import { workerData } from 'piscina';
import { checkBatch, type BatchJob, type BatchResult } from './batch.ts';
import { IN_PROCESS_ORIGIN, serveInProcess } from './in-process.ts';

/** What the main thread passes to every worker. */
export interface WorkerSetup {
  /** The built site folder. */
  dir: string;
  /** The site's public address: links to it stay in the pages served (see ./in-process.ts). */
  site?: string;
}

const setup = workerData as WorkerSetup | undefined;
if (setup) serveInProcess(setup.dir, setup.site);

/** Check one batch on this worker's copy of the site. */
export default function checkOnWorker(job: BatchJob): Promise<BatchResult> {
  return checkBatch(job, IN_PROCESS_ORIGIN);
}
