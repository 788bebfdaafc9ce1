/**
 * Measuring helpers for the benchmark: wall time and peak memory of a child
 * process and everything it starts (./tree-memory.ts), and of in-process work.
 */
import { spawn } from 'node:child_process';
import { childEnv } from '../helpers/site.ts';
import { sampleTree } from './tree-memory.ts';

/** One measured run. */
export interface Measurement {
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak resident memory in MB of the whole process tree, when known (Linux). */
  peakMb?: number;
  code: number | null;
  output: string;
}

/** Run a command and measure its wall time and the peak memory of its process tree. */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Measurement> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = child.pid === undefined ? undefined : sampleTree(child.pid);
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (error) => {
      memory?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peakMb = memory?.stop();
      resolve({ ms, code, output, ...(peakMb === undefined ? {} : { peakMb }) });
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
