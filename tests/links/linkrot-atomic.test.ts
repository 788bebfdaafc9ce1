/**
 * Killing a run at any moment leaves the previous state intact and loadable:
 * a child process rewrites a large state file as fast as it can and is
 * killed with SIGKILL at random moments.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, StateError, writeStateAtomic, emptyState } from '../../src/linkrot/state.ts';
import { ROOT } from '../helpers/site.ts';
import { tempDir } from '../helpers/explainers.ts';

const WRITER = `
import { writeStateAtomic } from ${JSON.stringify(join(ROOT, 'src/linkrot/state.ts'))};
const path = process.argv[2];
const version = (n) => ({
  version: 1,
  updated: String(n),
  urls: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [\`https://host\${i % 50}.example/page-\${i}\`, {
    url: \`https://host\${i % 50}.example/page-\${i}\`, firstSeen: 'x', lastChecked: String(n), lastClass: 'ok', lastReason: 'fine '.repeat(20),
    finalUrl: 'x', consecutiveFailures: 0, failingDays: [], history: [],
  }])),
});
for (let n = 1; ; n++) {
  await writeStateAtomic(path, version(n));
  if (n === 1) process.stdout.write('ready\\n');
}
`;

function startWriter(script: string, path: string): Promise<{ kill: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout.once('data', () =>
      resolve({
        kill: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      }),
    );
  });
}

describe('atomic state writes', () => {
  it('leaves a complete, consistent state file whenever the writer is killed', async () => {
    const dir = await tempDir();
    const script = join(dir, 'writer.mjs');
    await writeFile(script, WRITER);
    const path = join(dir, 'state.json');
    const seen = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const writer = await startWriter(script, path);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 150));
      await writer.kill();
      const state = await loadState(path, new Date());
      // Every record comes from the same write: nothing torn, nothing mixed.
      const versions = new Set(Object.values(state.urls).map((record) => record.lastChecked));
      expect(versions).toEqual(new Set([state.updated]));
      expect(Object.keys(state.urls)).toHaveLength(2000);
      seen.add(state.updated);
    }
    // The writer was really mid-way through rewriting when killed, at least sometimes.
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers.length + seen.size).toBeGreaterThan(1);
  }, 60_000);

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
