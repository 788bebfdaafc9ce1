/**
 * Builds the real site (same config, same code) over a fixture content folder,
 * in a child process, into a temporary output folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Outcome of one build. */
export interface BuildResult {
  ok: boolean;
  code: number | null;
  /** stdout and stderr together, ANSI colours removed. */
  output: string;
  outDir: string;
}

/** Run a package.json-free command from node_modules/.bin with the repo as cwd. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output: output.replace(/\u001b\[[0-9;]*m/g, '') }));
  });
}

/**
 * `astro build` of the site with `contentDir` as the explainers folder.
 * Extra env (e.g. to skip the search index) is passed through.
 */
export async function buildSite(contentDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const work = await mkdtemp(join(tmpdir(), 'explainers-build-'));
  const outDir = join(work, 'dist');
  const { code, output } = await run(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    EXPLAINERS_DIR: resolve(contentDir),
    ASTRO_CACHE_DIR: join(work, 'cache'),
    ...env,
  });
  return { ok: code === 0, code, output, outDir };
}

/** Path of a fixture under tests/fixtures. */
export function fixture(...parts: string[]): string {
  return join(ROOT, 'tests/fixtures', ...parts);
}
