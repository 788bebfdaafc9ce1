/**
 * A Pagefind index fed page by page while Astro renders (the build's middleware
 * hands each explainer page over through ./index-feed.ts), in a worker thread
 * (./index-worker.ts). Astro renders pages on one core; Pagefind's parsing then
 * runs on the other meanwhile, and only writing the bundle is left for the end.
 */
import { Worker } from 'node:worker_threads';
import { setFeed } from './index-feed.ts';
import type { IndexJobResult, StreamJob, StreamMessage } from './index-worker.ts';

/** An index being fed. */
export interface StreamedIndex {
  /** The files (relative to the output folder) fed so far, with their size in bytes. */
  fed: ReadonlyMap<string, number>;
  /** Stop feeding, write the bundle to `outputPath` and report. */
  finish: (outputPath: string) => Promise<IndexJobResult>;
  /** Stop feeding and drop the index (nothing is written). */
  cancel: () => Promise<void>;
}

/** Start an index and make it the feed of the build in progress. */
export function startStreamedIndex(excludeSelectors: string[]): StreamedIndex {
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { stream: true, excludeSelectors } satisfies StreamJob });
  // A build that fails before the end must still exit: this thread never holds it open.
  worker.unref();
  const fed = new Map<string, number>();
  let failure: Error | undefined;
  worker.once('error', (error) => (failure = error));
  setFeed((sourcePath, content) => {
    fed.set(sourcePath, Buffer.byteLength(content));
    worker.postMessage({ type: 'page', sourcePath, content } satisfies StreamMessage);
  });
  const finish = (outputPath: string) =>
    new Promise<IndexJobResult>((resolve, reject) => {
      setFeed(undefined);
      if (failure) return reject(failure);
      let result: IndexJobResult | undefined;
      worker.once('message', (message: IndexJobResult) => (result = message));
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (result) resolve(result);
        else reject(new Error(`the Pagefind process stopped before finishing (exit code ${code}); its own message is printed above`));
      });
      worker.postMessage({ type: 'finish', outputPath } satisfies StreamMessage);
    });
  const cancel = async () => {
    setFeed(undefined);
    await worker.terminate();
  };
  return { fed, finish, cancel };
}
