/**
 * Reading the GitHub Actions workflows and running their shell steps locally,
 * the way the runner would (`bash -e`), with the step's own environment.
 */
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { isolatedRoot, ROOT } from '../helpers/site.ts';
import { exec, type Ran } from './helpers.ts';

/** The parts of a workflow the tests look at. */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
export interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
  [key: string]: unknown;
}
export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

/** The workflow files, by name without `.yml`. */
export const WORKFLOWS = ['ci', 'linkrot', 'deploy'] as const;

/** Raw text of a workflow file. */
export function workflowText(name: string): Promise<string> {
  return readFile(join(ROOT, '.github/workflows', `${name}.yml`), 'utf8');
}

/** Parse a workflow, throwing on any YAML error or warning (duplicate keys included). */
export async function loadWorkflow(name: string): Promise<Workflow> {
  const doc = parseDocument(await workflowText(name));
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) throw new Error(`${name}.yml: ${problems.map((p) => p.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

/** A step by name or id. */
export function findStep(workflow: Workflow, job: string, nameOrId: string): Step {
  const step = workflow.jobs[job]?.steps.find((s) => s.name === nameOrId || s.id === nameOrId || s.run === nameOrId);
  if (!step?.run) throw new Error(`no run step "${nameOrId}" in job ${job}`);
  return step;
}

/**
 * Run one `run:` step with bash -e, as GitHub does. Environment: the workflow's,
 * the job's and the step's `env`, then `env` from the test, which must supply
 * every value the workflow fills from a `${{ }}` expression.
 */
export async function runStep(workflow: Workflow, job: string, nameOrId: string, env: NodeJS.ProcessEnv, cwd = ROOT): Promise<Ran> {
  const step = findStep(workflow, job, nameOrId);
  const merged: Record<string, string> = { ...workflow.env, ...workflow.jobs[job]!.env, ...step.env };
  for (const [key, value] of Object.entries(merged)) {
    if (String(value).includes('${{') && env[key] === undefined) throw new Error(`step "${nameOrId}" needs a test value for ${key} (${value})`);
  }
  return exec('bash', ['--noprofile', '--norc', '-e', '-c', step.run!], { cwd, env: { ...merged, ...env } });
}

/** A project copy for steps that write into their working folder: code linked, outputs kept out of the repository. */
export async function projectCopy(): Promise<string> {
  const root = await isolatedRoot();
  await symlink(join(ROOT, '.github'), join(root, '.github'));
  await symlink(join(ROOT, '.nvmrc'), join(root, '.nvmrc'));
  return root;
}

/** Give a checkout the workflow helper scripts (a real checkout has them; test clones do not). */
export async function withScripts(dir: string): Promise<string> {
  await symlink(join(ROOT, '.github'), join(dir, '.github'));
  return dir;
}

/**
 * A stand-in for the GitHub CLI (GitHub is not reachable from tests): it logs
 * each call to `<dir>/calls`, keeps any body it is given as `<dir>/body-<n>`,
 * and answers queries from files the test writes: `open-issue`, `issue-body`, `comment-ids`.
 */
export async function fakeGh(dir: string): Promise<{ bin: string; calls: () => Promise<string[]>; body: (n: number) => Promise<string> }> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'gh'), `#!/usr/bin/env bash
set -euo pipefail
state="${dir}"
printf '%s\\n' "$*" >> "$state/calls"
n=$(wc -l < "$state/calls" | tr -d ' ')
prev=""
for a in "$@"; do
  if [ "$prev" = "--body-file" ]; then cp "$a" "$state/body-$n"; fi
  case "$a" in body=@*) cp "\${a#body=@}" "$state/body-$n" ;; esac
  prev="$a"
done
case "$1 \${2:-}" in
  "issue list") cat "$state/open-issue" 2>/dev/null || true ;;
  "issue view") cat "$state/issue-body" ;;
  "issue create") echo "https://github.com/owner/repo/issues/42" ;;
  "api repos/"*) cat "$state/comment-ids" 2>/dev/null || true ;;
esac
`);
  await chmod(join(bin, 'gh'), 0o755);
  return {
    bin,
    calls: async () => (await readFile(join(dir, 'calls'), 'utf8').catch(() => '')).split('\n').filter(Boolean),
    body: (n: number) => readFile(join(dir, `body-${n}`), 'utf8'),
  };
}
