/**
 * Runs the checks for many files across worker threads (one per core), so
 * checking a large site costs about parse time divided by the core count.
 * Results cross the thread boundary as plain data and become VFiles again.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import type { Override } from './config.ts';
import type { CheckResult, Coverage } from './run.ts';

/** A check result as plain data. */
export interface PlainResult {
  path: string;
  value: string;
  coverage?: Coverage;
  overrides: Override[];
  messages: Array<{ reason: string; line?: number; column?: number; ruleId?: string; source?: string; fatal?: boolean; note?: string }>;
}

/** Turn a result into plain data (in the worker). */
export function toPlain(result: CheckResult): PlainResult {
  return {
    path: result.file.path,
    value: '',
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

const WORKER = fileURLToPath(new URL('./check-worker.ts', import.meta.url));

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 64;

/** True when a pool would help and can run here. */
export function poolAvailable(files: number): boolean {
  return files >= MIN_FILES && availableParallelism() > 1 && existsSync(WORKER);
}

/** Check `files` (absolute paths) in parallel; `cwd` makes message paths relative. */
export async function checkInPool(files: string[], cwd: string, now?: Date): Promise<CheckResult[]> {
  const threads = Math.min(availableParallelism(), Math.ceil(files.length / MIN_FILES));
  const chunks = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<PlainResult[]>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { files: chunk, cwd, now: now?.toISOString() } });
          worker.once('message', resolve);
          worker.once('error', (cause) => reject(new Error('Failed to run the citation checks in a worker thread.', { cause })));
          worker.once('exit', (code) => code !== 0 && reject(new Error(`Citation check worker exited with code ${code}.`)));
        }),
    ),
  );
  const byPath = new Map(parts.flat().map((p) => [p.path, p]));
  return files.map((f) => fromPlain(byPath.get(relative(cwd, f))!));
}
