/** Printing helpers for the benchmark. */
import { availableParallelism, cpus, totalmem } from 'node:os';

/** A table row: label, time, note. */
export type Row = [string, string, string];

/** "2 cores (Intel …), 24 GB, Node v24" */
export function machine(): string {
  const model = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

/** Print an aligned table to stdout. */
export function printTable(title: string, rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${title}\n`);
  for (const [label, time, note] of rows) console.log(`${label.padEnd(width)}  ${time.padStart(8)}  ${note}`);
  console.log('');
}
