/** Worker thread body for the check pool: check files until none is left, post plain results. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { toPlain, type PlainResult, type PoolJob } from './pool.ts';

// Loading the parser's few hundred small modules is a visible share of a check;
// Node's compile cache (a no-op where it cannot write) makes later runs load faster.
enableCompileCache();
const loader = await import('./article.ts');
const checker = await import('./run.ts');
const { checkClaimed } = await import('./check-worker-body.ts');

const results: Array<[number, PlainResult]> = [];
for (const [index, result] of checkClaimed(workerData as PoolJob, checker, loader)) results.push([index, toPlain(result)]);
parentPort?.postMessage(results);
