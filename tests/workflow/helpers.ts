/**
 * Helpers for the writer-workflow tests: run the project's CLIs the way a
 * writer does (`npm run …`), in temporary folders and git repositories.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, ROOT } from '../helpers/site.ts';

/** Exit code and output of a command. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command with the project's Node first on PATH; `input` goes to stdin. */
export function exec(command: string, args: string[], { cwd = ROOT, env = {} as NodeJS.ProcessEnv, input = '' } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A command may exit without reading its input; that is not an error here.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** `npm run --silent <script> -- args…` from the project root. */
export function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return exec('npm', ['run', '--silent', script, '--', ...args], { env, cwd });
}

/** `node src/cli/<name>.ts args…` directly (what the npm script runs, without npm's start-up time). */
export function cli(name: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return exec(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'src/cli', `${name}.ts`), ...args], { env, cwd });
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `wf-${prefix}-`));
}

/** Environment for git in tests: a fixed identity, no user or system config. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Test Writer',
  GIT_AUTHOR_EMAIL: 'writer@example.org',
  GIT_COMMITTER_NAME: 'Test Writer',
  GIT_COMMITTER_EMAIL: 'writer@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Run git in `cwd`, failing the test on a non-zero exit. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const ran = await exec('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: GIT_ENV });
  if (ran.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${ran.stderr}`);
  return ran.stdout;
}
