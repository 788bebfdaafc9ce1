/**
 * The workflows' shell steps, run locally as the runner would run them
 * (`act` cannot be installed here): the same commands, the same env, on
 * fixture content, temporary git repositories and a stand-in for the GitHub CLI.
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, fixture } from '../helpers/site.ts';
import { exec, git, GIT_ENV, tempDir } from './helpers.ts';
import { fakeGh, loadWorkflow, projectCopy, runStep, withScripts } from './workflows.ts';

const ci = await loadWorkflow('ci');
const linkrot = await loadWorkflow('linkrot');
const deploy = await loadWorkflow('deploy');

describe('ci.yml', () => {
  it('"Check citations" prints GitHub annotations on the right lines and fails on errors', async () => {
    const dir = await tempDir('annotations');
    await cp(fixture('citations', 'unknown-source', 'input.mdx'), join(dir, 'unknown-source.mdx'));
    await cp(fixture('citations', 'uncited-specific', 'input.mdx'), join(dir, 'uncited-specific.mdx'));
    const ran = await runStep(ci, 'citations', 'Check citations (annotations on the changed lines)', { EXPLAINERS_DIR: dir });
    expect(ran.code).toBe(1);
    const annotations = ran.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(4);
    expect(annotations[0]).toMatch(/^::warning file=.*uncited-specific\.mdx,line=19,col=42,title=uncited-specific::Sentence states a number/);
    expect(annotations.filter((a) => a.startsWith('::error ')).map((a) => /line=(\d+),col=(\d+)/.exec(a)!.slice(1).join(':'))).toEqual(['19:24', '19:48']);
    expect(ran.stdout).toContain('2 errors, 2 warnings in 2 files');

    const clean = await tempDir('annotations-clean');
    await cp(fixture('citations', 'clean-basic', 'input.mdx'), join(clean, 'clean.mdx'));
    const ok = await runStep(ci, 'citations', 'Check citations (annotations on the changed lines)', { EXPLAINERS_DIR: clean });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).not.toContain('::');
  }, 60_000);

  it('"Summarise the explainer changes" writes the report, the job summary and the new sources', async () => {
    const repo = await tempDir('ci-report');
    const dir = join(repo, 'content/explainers');
    await mkdir(dir, { recursive: true });
    await git(repo, 'init', '-q');
    await cp(fixture('citations', 'clean-basic', 'input.mdx'), join(dir, 'basic.mdx'));
    await git(repo, 'add', '-A');
    await git(repo, 'commit', '-q', '-m', 'base');
    const base = (await git(repo, 'rev-parse', 'HEAD')).trim();
    const text = await readFile(join(dir, 'basic.mdx'), 'utf8');
    await writeFile(join(dir, 'basic.mdx'), text.replace('sources:\n', 'sources:\n  - id: added\n    title: "Added page"\n    url: https://added.example/page\n    publisher: Added\n').replace(/\n*$/, '\n\nOne more claim [@added].\n'));
    await git(repo, 'commit', '-q', '-am', 'pull request');

    const runner = await tempDir('runner');
    const summary = join(runner, 'summary.md');
    const ran = await runStep(ci, 'pull-request-report', 'report', { BASE_SHA: base, RUNNER_TEMP: runner, GITHUB_STEP_SUMMARY: summary, EXPLAINERS_DIR: dir, ...GIT_ENV });
    expect(ran.code, ran.stderr).toBe(0);
    const report = await readFile(join(runner, 'report.md'), 'utf8');
    expect(report.split('\n')[0]).toBe('<!-- explainer-report -->'); // no npm banner before it
    expect(report).toContain('| “Fixture” | modified | +1 −0 |');
    expect(await readFile(summary, 'utf8')).toBe(report);
    expect(await readdir(join(runner, 'new-sources'))).toEqual(['basic.mdx']);
    expect(await readFile(join(runner, 'new-sources', 'basic.mdx'), 'utf8')).toContain('url: https://added.example/page');
  }, 60_000);

  it('"Post the report" comments once, then edits that comment; stays silent when no explainer changed', async () => {
    const state = await tempDir('gh-pr');
    const gh = await fakeGh(state);
    const report = join(state, 'report.md');
    const env = { PATH: `${gh.bin}:${binPath()}`, GH_TOKEN: 'token', PR_NUMBER: '12', RUNNER_TEMP: state, GITHUB_REPOSITORY: 'owner/repo' };
    await writeFile(report, '<!-- explainer-report -->\n## Explainer changes\n\n1 explainer changed\n');
    const first = await runStep(ci, 'pull-request-report', 'Post the report on the pull request', env);
    expect(first.code, first.stderr).toBe(0);
    expect(await gh.calls()).toEqual([
      'api repos/owner/repo/issues/12/comments --paginate --jq .[] | select(.body | startswith("<!-- explainer-report -->")) | .id',
      `pr comment 12 --body-file ${report}`,
    ]);
    expect(await gh.body(2)).toBe(await readFile(report, 'utf8'));

    await writeFile(join(state, 'comment-ids'), '555\n777\n');
    const second = await runStep(ci, 'pull-request-report', 'Post the report on the pull request', env);
    expect(second.code, second.stderr).toBe(0);
    expect((await gh.calls())[3]).toBe(`api --method PATCH repos/owner/repo/issues/comments/555 -F body=@${report}`);

    const quiet = await tempDir('gh-pr-quiet');
    const gh2 = await fakeGh(quiet);
    await writeFile(join(quiet, 'report.md'), '<!-- explainer-report -->\n## Explainer changes since `main`\n\nNo explainer changed.\n');
    const none = await runStep(ci, 'pull-request-report', 'Post the report on the pull request', { ...env, PATH: `${gh2.bin}:${binPath()}`, RUNNER_TEMP: quiet });
    expect(none.stdout).toContain('no comment posted');
    expect((await gh2.calls()).filter((c) => !c.startsWith('api repos/'))).toEqual([]);
  }, 60_000);

  it('"Check the new sources" passes without calling the link checker when no source was added', async () => {
    const runner = await tempDir('doa-none');
    await mkdir(join(runner, 'new-sources'));
    const ran = await runStep(ci, 'pull-request-report', 'Check the new sources are online (dead on arrival)', { RUNNER_TEMP: runner });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('This pull request adds no source.');
  });
});

describe('linkrot.yml', () => {
  it('"plan" makes one job for a small site and a matrix for a large one', async () => {
    const dir = await tempDir('plan');
    for (const name of ['clean-basic', 'duplicate-source', 'unused-source']) await cp(fixture('citations', name, 'input.mdx'), join(dir, `${name}.mdx`));
    const plan = async (perShard: string) => {
      const out = join(await tempDir('plan-out'), 'output');
      const ran = await runStep(linkrot, 'plan', 'plan', { PER_SHARD: perShard, GITHUB_OUTPUT: out, EXPLAINERS_DIR: dir });
      expect(ran.code, ran.stderr).toBe(0);
      return Object.fromEntries((await readFile(out, 'utf8')).trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    };
    const small = await plan('2000');
    const count = Number(small.count);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(small.shards!)).toEqual(['1/1']);
    const large = await plan('2');
    expect(JSON.parse(large.shards!)).toEqual(Array.from({ length: Math.ceil(count / 2) }, (_, i) => `${i + 1}/${Math.ceil(count / 2)}`));
  }, 60_000);

  it('keeps the state on its own branch: save, then restore in a fresh clone, never touching the working tree', async () => {
    const work = await tempDir('state');
    await git(work, 'init', '-q', '--bare', 'origin.git');
    await git(work, 'clone', '-q', join(work, 'origin.git'), 'a');
    const a = join(work, 'a');
    await writeFile(join(a, 'README.md'), 'project\n');
    await writeFile(join(a, '.gitignore'), '.github\n.linkrot\n');
    await git(a, 'add', '-A');
    await git(a, 'commit', '-q', '-m', 'project');
    await git(a, 'push', '-q', 'origin', 'HEAD:main');
    await withScripts(a);
    const statePath = join(a, '.linkrot', 'state.json');

    const first = await runStep(linkrot, 'check', 'Restore the link-rot state', { STATE: statePath, ...GIT_ENV }, a);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('No branch linkrot-state yet');

    await writeFile(statePath, '{"urls":{"https://a.example/":{"failures":2}}}\n');
    const head = await git(a, 'rev-parse', 'HEAD');
    for (let i = 0; i < 2; i++) {
      const saved = await runStep(linkrot, 'report', 'Save the link-rot state', { STATE: statePath, GITHUB_RUN_ID: `${100 + i}`, ...GIT_ENV }, a);
      expect(saved.code, saved.stderr).toBe(0);
    }
    expect(await git(a, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(a, 'status', '--porcelain')).toBe('');
    // One commit with one file, however many runs saved it.
    expect((await git(work, '--git-dir', join(work, 'origin.git'), 'rev-list', 'linkrot-state')).trim().split('\n')).toHaveLength(1);
    expect((await git(work, '--git-dir', join(work, 'origin.git'), 'ls-tree', '--name-only', 'linkrot-state')).trim()).toBe('state.json');

    await git(work, 'clone', '-q', join(work, 'origin.git'), 'b');
    const b = await withScripts(join(work, 'b'));
    const restored = await runStep(linkrot, 'check', 'Restore the link-rot state', { STATE: '.linkrot/state.json', ...GIT_ENV }, b);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await readFile(join(b, '.linkrot', 'state.json'), 'utf8')).toBe('{"urls":{"https://a.example/":{"failures":2}}}\n');

    const broken = await exec('bash', ['.github/scripts/linkrot-state.sh', 'restore', join(work, 'x.json')], { env: { ...GIT_ENV, LINKROT_STATE_REMOTE: join(work, 'no-such-remote.git') } });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('::error::Could not read branch linkrot-state');
    const nothing = await runStep(linkrot, 'report', 'Save the link-rot state', { STATE: join(work, 'missing.json'), ...GIT_ENV }, a);
    expect(nothing.code).toBe(1);
  }, 60_000);

  it('"Open, update or close the link-rot issue" keeps exactly one issue in step with the report', async () => {
    const state = await tempDir('gh-issue');
    const gh = await fakeGh(state);
    const work = await withScripts(await tempDir('issue-work'));
    await writeFile(join(work, 'report.md'), '# Link rot\n\n- dead: https://gone.example/page (cited by a.mdx `gone`)\n');
    const env = { PATH: `${gh.bin}:${binPath()}`, GH_TOKEN: 'token', GITHUB_REPOSITORY: 'owner/repo', GITHUB_RUN_ID: '9' };
    const step = (status: string) => runStep(linkrot, 'report', 'Open, update or close the link-rot issue', { ...env, STATUS: status }, work);

    expect((await step('unhealthy')).code).toBe(0);
    let calls = await gh.calls();
    expect(calls[0]).toBe('issue list --label link-rot --state open --limit 1 --json number --jq .[0].number // empty');
    expect(calls.at(-1)).toMatch(/^issue create --title Link rot: some sources need attention --label link-rot --body-file /);
    const body = await gh.body(calls.length);
    expect(body).toMatch(/^<!-- linkrot-report [0-9a-f]{16} -->\n\n# Link rot\n\n- dead: https:\/\/gone\.example\/page/);
    expect(body).toContain('https://github.com/owner/repo/actions/runs/9');
    expect(body).toContain('CONTRIBUTING.md#when-a-source-rots');

    // The same problems next week: the description is refreshed, nobody is notified.
    await writeFile(join(state, 'open-issue'), '42\n');
    await writeFile(join(state, 'issue-body'), body);
    const before = calls.length;
    expect((await step('unhealthy')).code).toBe(0);
    calls = await gh.calls();
    expect(calls.slice(before).map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual(['issue list --label', 'label create link-rot', 'issue view 42', 'issue edit 42']);

    // A new problem: edited and commented.
    await writeFile(join(work, 'report.md'), '# Link rot\n\n- dead: https://gone.example/page\n- dead: https://also-gone.example/\n');
    const mark = calls.length;
    await step('unhealthy');
    calls = await gh.calls();
    expect(calls.slice(mark).filter((c) => c.startsWith('issue comment 42'))).toHaveLength(1);

    // Healthy again: commented and closed; then nothing to do.
    const healed = calls.length;
    const ok = await step('healthy');
    expect(ok.stdout).toContain('Closed issue #42.');
    calls = await gh.calls();
    expect(calls.slice(healed).map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual(['issue list --label', 'issue comment 42', 'issue close 42']);
    await writeFile(join(state, 'open-issue'), '');
    const idle = await step('healthy');
    expect(idle.stdout).toContain('no link-rot issue is open');
  }, 60_000);
});

describe('deploy.yml', () => {
  it('refuses to publish under a project sub-path without a custom domain', async () => {
    const refuse = await runStep(deploy, 'build', 'Refuse a sub-path address', { BASE_PATH: '/explainers', SITE_URL: '' });
    expect(refuse.code).toBe(1);
    expect(refuse.stdout).toContain('::error::GitHub Pages would serve the site under /explainers');
    expect((await runStep(deploy, 'build', 'Refuse a sub-path address', { BASE_PATH: '', SITE_URL: '' })).code).toBe(0);
    expect((await runStep(deploy, 'build', 'Refuse a sub-path address', { BASE_PATH: '/explainers', SITE_URL: 'https://explainers.example.org' })).code).toBe(0);
  });
});

/**
 * A local web server standing in for the cited sites: `/alive` answers 200,
 * `/wayback` is an empty Wayback-style availability API, anything else 404.
 */
async function pages(): Promise<{ port: number; env: NodeJS.ProcessEnv; close: () => void }> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/wayback')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"archived_snapshots":{}}');
      return;
    }
    res.writeHead(req.url === '/alive' ? 200 : 404, { 'content-type': 'text/html' });
    res.end('<html><body>page</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  // No request may leave the machine: archive lookups go to the local stand-in.
  return { port, env: { LINKROT_ARCHIVE_ENDPOINT: `http://127.0.0.1:${port}/wayback` }, close: () => server.close() };
}

const explainerCiting = (urls: string[]) =>
  `---\ntitle: "A"\nsummary: "S."\npublished: 2025-11-26\nauthors: [Desk]\nsources:\n${urls.map((u, i) => `  - id: s${i}\n    title: "Page ${i}"\n    url: ${u}\n    publisher: Local\n`).join('')}---\n\nA claim [${urls.map((_, i) => `@s${i}`).join('; ')}].\n`;

describe('with npm run linkrot', () => {
  it('linkrot.yml: shard jobs, then the report job merges them into one report, status and state', async () => {
    const server = await pages();
    try {
      const content = await tempDir('rot-content');
      const report = await projectCopy();
      const runShards = async () => {
        for (const shard of ['1/2', '2/2']) {
          const job = await projectCopy();
          const ran = await runStep(linkrot, 'check', 'linkrot', { SHARD: shard, STATE: join(job, '.linkrot/state.json'), EXPLAINERS_DIR: content, GITHUB_STEP_SUMMARY: join(job, 'summary.md'), ...server.env }, job);
          expect(ran.code, ran.stdout + ran.stderr).toBe(0);
          await cp(join(job, 'out'), join(report, 'shards', `linkrot-shard-${shard[0]}`), { recursive: true });
        }
      };
      const merge = async () => {
        const output = join(await tempDir('rot-output'), 'output');
        const ran = await runStep(linkrot, 'report', 'merge', { STATE: join(report, '.linkrot/state.json'), EXPLAINERS_DIR: content, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: join(report, 'summary.md'), ...server.env }, report);
        expect(ran.code, ran.stdout + ran.stderr).toBe(0);
        return { status: await readFile(output, 'utf8'), markdown: await readFile(join(report, 'report.md'), 'utf8') };
      };

      await writeFile(join(content, 'a.mdx'), explainerCiting([`http://127.0.0.1:${server.port}/alive`, `http://127.0.0.1:${server.port}/gone`]));
      await runShards();
      const sick = await merge();
      expect(sick.status).toBe('status=unhealthy\n');
      expect(sick.markdown).toContain(`127.0.0.1:${server.port}/gone`);
      expect(JSON.parse(await readFile(join(report, '.linkrot/state.json'), 'utf8'))).toBeTypeOf('object');

      // The writer replaces the dead source: the next run is healthy.
      await writeFile(join(content, 'a.mdx'), explainerCiting([`http://127.0.0.1:${server.port}/alive`]));
      await rm(join(report, 'shards'), { recursive: true });
      await runShards();
      expect((await merge()).status).toBe('status=healthy\n');
    } finally {
      server.close();
    }
  }, 180_000);

  it('ci.yml: fails a pull request whose new source is dead on arrival, and passes a healthy one', async () => {
    const server = await pages();
    try {
      const check = async (path: string) => {
        const runner = await tempDir('doa');
        await mkdir(join(runner, 'new-sources'));
        await writeFile(join(runner, 'new-sources', 'pr.mdx'), explainerCiting([`http://127.0.0.1:${server.port}${path}`]));
        return runStep(ci, 'pull-request-report', 'Check the new sources are online (dead on arrival)', { RUNNER_TEMP: runner, ...server.env });
      };
      const dead = await check('/gone');
      expect(dead.code, dead.stdout + dead.stderr).toBe(1);
      expect(dead.stdout).toMatch(new RegExp(`^::error .*127\\.0\\.0\\.1%3A${server.port}/gone|^::error .*127\\.0\\.0\\.1:${server.port}/gone`, 'm'));
      const alive = await check('/alive');
      expect(alive.code, alive.stdout + alive.stderr).toBe(0);
    } finally {
      server.close();
    }
  }, 120_000);
});
