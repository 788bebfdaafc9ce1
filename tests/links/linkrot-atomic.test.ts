/**
 * Killing a run while it saves leaves the previous state intact and loadable.
 * A child process saves a large state file, then starts saving the next one
 * and stops at a chosen point of that write (through the writer's hook); it
 * is killed there with SIGKILL. No timing is involved: every point is hit
 * every time.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, StateError, type LinkrotState } from '../../src/linkrot/state-file.ts';
import { loadState, writeStateAtomic } from '../../src/linkrot/state.ts';
import { ROOT } from '../helpers/site.ts';
import { tempDir } from '../helpers/explainers.ts';

/** A state of 2,000 records, every one stamped with the given date (a module, so the writer and the test share it). */
const BIG_STATE = `
export const bigState = (stamp) => ({
  version: 2,
  updated: stamp,
  urls: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => {
    const url = \`https://host\${i % 50}.example/page-\${i}\`;
    return [url, { url, firstSeen: stamp, lastChecked: stamp, lastClass: 'ok', lastReason: 'fine '.repeat(20), finalUrl: url, consecutiveFailures: 0, failingDays: [], history: [] }];
  })),
});
`;

/** Saves the old state, then the new one, stopping at `stop` to be killed. */
const WRITER = `
import { writeFileSync } from 'node:fs';
import { writeStateAtomic } from ${JSON.stringify(join(ROOT, 'src/linkrot/state.ts'))};
import { bigState } from './big-state.mjs';
const [path, stop, before, after] = process.argv.slice(2);
const halt = (where) => {
  process.stdout.write(where + '\\n');
  setInterval(() => undefined, 1 << 30);
  return new Promise(() => undefined);
};
await writeStateAtomic(path, bigState(before));
const next = bigState(after);
await writeStateAtomic(path, next, async (temporary) => {
  if (stop === 'temporary-created') await halt(stop);
  // As if the crash came half-way through writing the new state.
  if (stop === 'half-written') {
    writeFileSync(temporary, JSON.stringify(next).slice(0, 50_000));
    await halt(stop);
  }
});
await halt('saved');
`;

/** Run the writer until it stops at `stop`, kill it there, and say where it stopped. */
function writeAndKill(script: string, path: string, stop: string, before: string, after: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, stop, before, after], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout.once('data', (chunk: Buffer) => {
      child.once('exit', () => resolve(chunk.toString().trim()));
      child.kill('SIGKILL');
    });
  });
}

describe('atomic state writes', () => {
  it('leaves the old file, whole, when killed at any point before the new one is in place', async () => {
    const dir = await tempDir();
    const script = join(dir, 'writer.mjs');
    await writeFile(script, WRITER);
    await writeFile(join(dir, 'big-state.mjs'), BIG_STATE);
    const { bigState } = (await import(join(dir, 'big-state.mjs'))) as { bigState: (stamp: string) => LinkrotState };
    const [before, after] = ['2025-11-01T06:00:00.000Z', '2025-11-02T06:00:00.000Z'];
    for (const [stop, expected] of [['temporary-created', before], ['half-written', before], ['saved', after]] as const) {
      const path = join(dir, `${stop}.json`);
      expect(await writeAndKill(script, path, stop, before, after)).toBe(stop);
      const state = await loadState(path, new Date());
      expect(state, stop).toEqual(bigState(expected));
      // Nothing torn, nothing mixed: every record comes from the same write.
      expect(new Set(Object.values(state.urls).map((record) => record.lastChecked))).toEqual(new Set([state.updated]));
      const leftovers = (await readdir(dir)).filter((name) => name.startsWith(`${stop}.json.`));
      // Killed mid-write, the new state was only ever in a temporary file beside the old one.
      expect(leftovers, stop).toHaveLength(stop === 'saved' ? 0 : 1);
    }
  }, 60_000);

  it('removes temporary files left by killed runs once they are an hour old', async () => {
    const dir = await tempDir();
    const path = join(dir, 'state.json');
    const stale = join(dir, 'state.json.123456');
    const recent = join(dir, 'state.json.654321');
    await writeFile(stale, '{"version":2,"upd');
    await writeFile(recent, '{"version":2,"upd');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await writeStateAtomic(path, emptyState(new Date('2025-11-01T00:00:00Z')));
    // The recent one may belong to a run still writing.
    expect((await readdir(dir)).sort()).toEqual(['state.json', 'state.json.654321']);
  });

  it('refuses a damaged state file with a clear message and leaves it untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'state.json');
    await writeFile(path, '{"version":1,"urls":{"https://a.example/":{"lastClass":"ok"');
    await expect(loadState(path, new Date())).rejects.toThrow(StateError);
    await expect(loadState(path, new Date())).rejects.toThrow(/is not valid JSON .*Move it aside/);
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"urls":{"https://a.example/":{"lastClass":"ok"');
  });

  it('starts an empty history when there is no file yet, creating folders on write', async () => {
    const path = join(await tempDir(), 'a', 'b', 'state.json');
    const state = await loadState(path, new Date('2025-11-01T00:00:00Z'));
    expect(state).toEqual(emptyState(new Date('2025-11-01T00:00:00Z')));
    await writeStateAtomic(path, state);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(state);
  });
});
