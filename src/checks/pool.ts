/**
 * Runs the checks for many files across threads (piscina, the project's one
 * pool: tinypool's destroy() never settles when a worker dies), so checking a
 * large site costs about parse time divided by the core count. Files go out
 * in small batches, so a slow file or a busy core never leaves a thread idle.
 * This module stays light (no parser imports): the CLI starts the pool before
 * paying for any module loading of its own.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import type { CheckBatch } from './check-worker.ts';
import { fromPlain, type PlainResult } from './plain.ts';
import type { CheckResult } from './types.ts';

const WORKER = new URL('./check-worker.ts', import.meta.url);

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 64;
/** Files per task: small enough to balance threads, large enough that messaging costs nothing. */
const BATCH = 16;

/** True when a pool would help and can run here. */
export function poolAvailable(files: number): boolean {
  return files >= MIN_FILES && availableParallelism() > 1 && existsSync(fileURLToPath(WORKER));
}

/** How the pool runs. */
export interface PoolOptions {
  now?: Date;
  /**
   * Leave a core to the caller: one thread fewer than the cores. The build sets
   * it, so Astro's own thread keeps a core for bundling while the checks run.
   */
  background?: boolean;
  /** Threads to use (default: one per core, one fewer in the background). */
  threads?: number;
}

/** Check `files` (absolute paths) in parallel; `cwd` makes message paths relative. */
export async function checkInPool(files: string[], cwd: string, options: PoolOptions = {}): Promise<CheckResult[]> {
  const threads = options.threads ?? Math.max(1, availableParallelism() - (options.background ? 1 : 0));
  // A task is handed to a thread by this thread's event loop. In the background that loop is busy
  // bundling, and a worker would wait for each next batch (measured: the build waited 4-6 s for the
  // check instead of 1.5 s): there, each thread gets all its files at once.
  const size = options.background ? Math.ceil(files.length / threads) : BATCH;
  const pool = new Piscina({ filename: WORKER.href, minThreads: threads, maxThreads: threads });
  try {
    const tasks: Array<Promise<PlainResult[]>> = [];
    for (let i = 0; i < files.length; i += size) {
      const batch: CheckBatch = { files: files.slice(i, i + size), cwd, now: options.now?.toISOString() };
      tasks.push(pool.run(batch));
    }
    return (await Promise.all(tasks)).flat().map(fromPlain);
  } catch (cause) {
    throw new Error('Failed to run the citation checks in worker threads.', { cause });
  } finally {
    await pool.destroy();
  }
}
