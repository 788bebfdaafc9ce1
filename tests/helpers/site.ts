/**
 * Builds the real site (same config, same code) over a fixture content folder,
 * in a child process, into a temporary output folder.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, symlink } from 'node:fs/promises';
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

/**
 * The environment for child processes: ours minus what Vitest sets
 * (NODE_ENV=test, VITEST…), which changes how Astro behaves.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST') || key === 'MODE') continue;
    env[key] = value;
  }
  return { ...env, PATH: binPath(), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** PATH with the project's Node 24 first, so children never fall back to the machine's Node 20. */
export function binPath(): string {
  return `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
}

/**
 * A throwaway project root that links to the real site code. Astro keeps
 * per-root state in `.astro/` (content modules, the dev data store), so
 * builds that run in parallel each need their own root.
 */
export async function isolatedRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'explainers-root-'));
  // The site code is copied, not linked: through a symlinked src/, Astro 7.3 files the
  // <script> and <style> blocks of .astro components under a mangled path and the
  // build fails ("No cached compile metadata found for …?astro&type=script…").
  for (const name of ['astro.config.mjs', 'src', 'public']) {
    await cp(join(ROOT, name), join(root, name), { recursive: true });
  }
  for (const name of ['package.json', 'tsconfig.json', 'node_modules']) {
    await symlink(join(ROOT, name), join(root, name));
  }
  return root;
}

/** Run a package.json-free command from node_modules/.bin with the repo as cwd. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: childEnv(env),
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
export async function buildSite(contentDir: string, env: NodeJS.ProcessEnv = {}, root?: string): Promise<BuildResult> {
  // A given root keeps its cache between builds (incremental-build tests).
  const work = root ?? (await isolatedRoot());
  const outDir = join(work, 'dist');
  const { code, output } = await run(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    EXPLAINERS_DIR: resolve(contentDir),
    ASTRO_CACHE_DIR: join(work, 'cache'),
    ...env,
  }, work);
  return { ok: code === 0, code, output, outDir };
}

/** Path of a fixture under tests/fixtures. */
export function fixture(...parts: string[]): string {
  return join(ROOT, 'tests/fixtures', ...parts);
}
