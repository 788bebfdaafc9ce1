/**
 * Measuring helpers for the benchmark: wall time and peak memory of a child
 * process (GNU time's maximum resident set size), and of in-process work.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { childEnv } from '../helpers/site.ts';

/** One measured run. */
export interface Measurement {
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak resident memory in MB (largest process), when known. */
  peakMb?: number;
  code: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/** Run a command and measure it. Memory needs GNU time (Debian package `time`). */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Measurement> {
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime ? [GNU_TIME, ['-f', 'PEAK_RSS_KB=%M', command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const kb = /PEAK_RSS_KB=(\d+)/.exec(output)?.[1];
      resolve({ ms, code, output, peakMb: kb ? Number(kb) / 1024 : undefined });
    });
  });
}

/** Time an in-process async function. */
export async function timeIt<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** `12.3 s` */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
