/**
 * Worker thread body for the internal link check: serves the built site on
 * its own loopback server (so requests never wait on another thread) and
 * runs the batches the main thread posts, one at a time, posting each result
 * back under its id. The server speaks h2c when this thread's HTTP client
 * can (see ./h2c.ts), else HTTP/1.1.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch, type BatchJob, type BatchResult } from './batch.ts';
import { useH2c } from './h2c.ts';
import { serveDir, type DirServer } from './serve-dir.ts';

/** What the main thread passes to a worker. */
export interface WorkerSetup {
  /** The built site folder. */
  dir: string;
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

/** An h2c server and client if a request over them works, else HTTP/1.1 ones. */
async function start(dir: string): Promise<DirServer> {
  const server = await serveDir(dir, { cache: true, h2c: true });
  if (await useH2c(server.origin)) return server;
  await server.close();
  return serveDir(dir, { cache: true });
}

const port = parentPort;
const { dir } = workerData as WorkerSetup;
const server = await start(dir);
port?.on('message', async ({ id, job }: BatchRequest) => {
  try {
    port.postMessage({ id, result: await checkBatch(job, server.origin) } satisfies BatchReply);
  } catch (error) {
    // Errors survive structured cloning (message, stack, cause).
    port.postMessage({ id, error } satisfies BatchReply);
  }
});
port?.postMessage('ready');
