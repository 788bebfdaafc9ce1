/**
 * The GitHub Actions workflows: valid YAML, the right triggers, minimal
 * permissions, pinned actions, no expression injected into shell, and every
 * script and flag they call exists in this project.
 */
import { access, constants, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';
import { cli, npmRun } from './helpers.ts';
import { loadWorkflow, workflowText, WORKFLOWS, type Workflow } from './workflows.ts';

const load = async () => Object.fromEntries(await Promise.all(WORKFLOWS.map(async (n) => [n, await loadWorkflow(n)] as const))) as Record<(typeof WORKFLOWS)[number], Workflow>;
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));

describe('workflow files', () => {
  it('parse without errors or duplicate keys, and every job has a runner, a time limit and steps', async () => {
    const all = await load();
    for (const [name, w] of Object.entries(all)) {
      expect(w.name, name).toBeTypeOf('string');
      for (const [id, job] of Object.entries(w.jobs)) {
        expect(job['runs-on'], `${name}.${id}`).toMatch(/^ubuntu-\d+\.\d+$/);
        expect(job['timeout-minutes'], `${name}.${id}`).toBeGreaterThan(0);
        expect(job.steps.length, `${name}.${id}`).toBeGreaterThan(0);
      }
    }
  });

  it('run on the right events', async () => {
    const { ci, linkrot, deploy } = await load();
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(linkrot.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [cron] = (linkrot.on.schedule as Array<{ cron: string }>).map((s) => s.cron);
    const fields = cron!.split(' ');
    expect(fields).toHaveLength(5);
    expect(fields[4]).toMatch(/^[0-6]$/); // once a week
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    for (const name of WORKFLOWS) expect(await workflowText(name)).not.toContain('pull_request_target');
  });

  it('grant read-only access by default and write access only to the jobs that need it', async () => {
    const all = await load();
    for (const w of Object.values(all)) expect(w.permissions).toEqual({ contents: 'read' });
    const granted = Object.entries(all).flatMap(([name, w]) => Object.entries(w.jobs).filter(([, j]) => j.permissions).map(([id, j]) => [`${name}.${id}`, j.permissions]));
    expect(Object.fromEntries(granted)).toEqual({
      'ci.pull-request-report': { contents: 'read', 'pull-requests': 'write' },
      'linkrot.report': { contents: 'write', issues: 'write' },
      'deploy.deploy': { pages: 'write', 'id-token': 'write' },
    });
  });

  it('pin every action to a full commit SHA, with its release in a comment', async () => {
    for (const name of WORKFLOWS) {
      const uses = (await workflowText(name)).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(uses.length, name).toBeGreaterThan(0);
      for (const line of uses) expect(line, `${name}.yml`).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('never put ${{ }} expressions inside shell scripts (values go through env)', async () => {
    for (const [name, w] of Object.entries(await load())) {
      for (const run of runs(w)) expect(run, name).not.toContain('${{');
    }
  });

  it('run the steps the issue asks for', async () => {
    const { ci, linkrot, deploy } = await load();
    const ciRuns = runs(ci).join('\n');
    for (const command of ['npm ci', 'npm test', 'npm run build', 'npm run check -- --format github', 'npm run --silent report -- --base', 'npm run linkrot']) {
      expect(ciRuns).toContain(command);
    }
    expect(ciRuns).toContain('apt-get install -y -qq --no-install-recommends chromium');
    expect(ci.jobs.test!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with).toMatchObject({ path: 'dist/' });
    expect(runs(linkrot).join('\n')).toMatch(/npm run --silent linkrot -- --shard "\$SHARD" --state "\$STATE" --format markdown/);
    expect(String((linkrot.jobs.check as { strategy?: { matrix?: { shard?: string } } }).strategy?.matrix?.shard)).toContain('fromJSON(needs.plan.outputs.shards)');
    expect(deploy.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist/' });
    expect(deploy.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

/** `npm run [--silent] <script> -- <args>` and `node src/cli/<file>.ts <args>` calls in the workflows. */
async function commands(): Promise<Array<{ kind: 'npm' | 'node'; name: string; flags: string[] }>> {
  const found: Array<{ kind: 'npm' | 'node'; name: string; flags: string[] }> = [];
  for (const w of Object.values(await load())) {
    for (const run of runs(w)) {
      for (const line of run.split('\n')) {
        const npm = /npm run (?:--silent )?([\w:-]+)(?: -- (.*))?/.exec(line);
        if (npm) found.push({ kind: 'npm', name: npm[1]!, flags: [...(npm[2] ?? '').matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((m) => m[1]!) });
        const node = /(?:npx )?node (src\/cli\/[\w-]+\.ts)(.*)/.exec(line);
        if (node) found.push({ kind: 'node', name: node[1]!, flags: [...node[2]!.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((m) => m[1]!) });
      }
    }
  }
  return found;
}

describe('what the workflows call', () => {
  it('exists: every npm script in package.json, every CLI and helper script on disk', async () => {
    const scripts = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const calls = await commands();
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['check', 'report', 'linkrot', 'build', 'src/cli/linkrot-shards.ts']));
    // `linkrot` comes from the link-checking issue (npm run linkrot); this fails until that work is merged.
    const missing = calls.filter((c) => c.kind === 'npm' && !(c.name in scripts)).map((c) => c.name);
    expect(missing, 'npm scripts the workflows run but package.json lacks').toEqual([]);
    for (const c of calls.filter((c) => c.kind === 'node')) await access(join(ROOT, c.name));
    for (const w of WORKFLOWS) {
      for (const script of (await workflowText(w)).match(/\.github\/scripts\/[\w-]+\.sh/g) ?? []) {
        await access(join(ROOT, script), constants.X_OK);
      }
    }
  });

  it('pass only flags the command documents in its --help', async () => {
    const byName = new Map<string, { kind: 'npm' | 'node'; flags: Set<string> }>();
    for (const c of await commands()) {
      if (c.kind === 'npm' && ['ci', 'test', 'build'].includes(c.name)) continue;
      const entry = byName.get(c.name) ?? { kind: c.kind, flags: new Set<string>() };
      for (const f of c.flags) entry.flags.add(f);
      byName.set(c.name, entry);
    }
    for (const [name, { kind, flags }] of byName) {
      const help = kind === 'npm' ? await npmRun(name, ['--help']) : await cli(name.replace(/^src\/cli\/|\.ts$/g, ''), ['--help']);
      expect(help.code, `${name} --help: ${help.stderr}`).toBe(0);
      for (const flag of flags) expect(help.stdout, `${name} --help should mention ${flag}`).toContain(flag);
    }
  }, 120_000);
});
