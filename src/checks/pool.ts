/**
 * Runs the checks for many files across threads, so checking a large site
 * costs about parse time divided by the core count. Threads take the next
 * file from a shared counter, so a slow file or a busy core never leaves
 * another thread idle. Results cross the thread boundary as plain data.
 *
 * This module stays light (no parser imports): the CLI starts the workers
 * first and loads the checker on the main thread while they load theirs.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import type { Override } from './config.ts';
import type { CheckResult, Coverage } from './run.ts';

/** A check result as plain data. */
export interface PlainResult {
  path: string;
  coverage?: Coverage;
  overrides: Override[];
  messages: Array<{ reason: string; line?: number; column?: number; ruleId?: string; source?: string; fatal?: boolean; note?: string }>;
}

/** What a worker is given. */
export interface PoolJob {
  files: string[];
  cwd: string;
  now?: string;
  /** One Int32: the index of the next file to take (shared by every thread). */
  next: SharedArrayBuffer;
}

/** Turn a result into plain data (in the worker). */
export function toPlain(result: CheckResult): PlainResult {
  return {
    path: result.file.path,
    coverage: result.coverage,
    overrides: result.overrides,
    messages: result.file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal ?? undefined, note: m.note })),
  };
}

/** Turn plain data back into a result (on the main thread). */
export function fromPlain(plain: PlainResult): CheckResult {
  const file = new VFile({ path: plain.path });
  for (const m of plain.messages) {
    const message = file.message(m.reason, { place: { line: m.line ?? 1, column: m.column ?? 1 }, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal;
    if (m.note) message.note = m.note;
  }
  return { file, coverage: plain.coverage, overrides: plain.overrides };
}

/** Take the next file index, or undefined when every file is taken. */
export function take(job: PoolJob): number | undefined {
  const index = Atomics.add(new Int32Array(job.next), 0, 1);
  return index < job.files.length ? index : undefined;
}

const WORKER = fileURLToPath(new URL('./check-worker.ts', import.meta.url));

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 64;

/** True when a pool would help and can run here. */
export function poolAvailable(files: number): boolean {
  return files >= MIN_FILES && availableParallelism() > 1 && existsSync(WORKER);
}

/** How the pool runs. */
export interface PoolOptions {
  now?: Date;
  /**
   * Leave the calling thread free: only worker threads check (one per core
   * but one). The build sets it, so Astro's own thread never waits on a parse.
   */
  background?: boolean;
}

function runWorker(job: PoolJob): Promise<Array<[number, PlainResult]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', (cause) => reject(new Error('Failed to run the citation checks in a worker thread.', { cause })));
    worker.once('exit', (code) => code !== 0 && reject(new Error(`Citation check worker exited with code ${code}.`)));
  });
}

/** Check `files` (absolute paths) in parallel; `cwd` makes message paths relative. */
export async function checkInPool(files: string[], cwd: string, options: PoolOptions = {}): Promise<CheckResult[]> {
  const job: PoolJob = { files, cwd, now: options.now?.toISOString(), next: new SharedArrayBuffer(4) };
  // One thread per core: the workers, and this thread too (unless it stays free).
  const workers = Math.max(1, availableParallelism() - 1);
  const running = Array.from({ length: workers }, () => runWorker(job));
  const results: CheckResult[] = new Array(files.length);
  if (!options.background) {
    // Loaded only now, while the workers load theirs.
    const { checkClaimed } = await import('./check-worker-body.ts');
    for (const [index, result] of checkClaimed(job, await import('./run.ts'), await import('./article.ts'))) results[index] = result;
  }
  for (const part of await Promise.all(running)) for (const [index, plain] of part) results[index] = fromPlain(plain);
  return results;
}
