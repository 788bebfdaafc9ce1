/**
 * `npm run linkrot` end to end: formats, exit codes, progress, shards and
 * their merge, and clear errors for bad input.
 */
import { spawn } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOfHost } from '../../src/linkrot/plan.ts';
import { hostKey } from '../../src/linkrot/scheduler.ts';
import { parseState } from '../../src/linkrot/state-file.ts';
import { normalizeUrl } from '../../src/schema/url.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';
import { html, redirect, startHost, type Host } from '../helpers/hosts.ts';
import { ROOT } from '../helpers/site.ts';

function linkrot(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/linkrot.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let hosts: Host[] = [];
let content: string;
let fast: string[];

beforeAll(async () => {
  for (let i = 0; i < 4; i++) {
    hosts.push(
      await startHost((req, res) => {
        if (req.url === '/dead') return html(res, 404, 'gone');
        if (req.url === '/moved') return redirect(res, 308, '/live');
        return html(res, 200, 'alive');
      }),
    );
  }
  content = await tempDir();
  await writeExplainer(content, 'first', [
    { id: 'dead', url: `${hosts[0]?.origin}/dead` },
    { id: 'moved', url: `${hosts[1]?.origin}/moved` },
  ]);
  await writeExplainer(content, 'second', hosts.map((h, i) => ({ id: `live-${i}`, url: `${h.origin}/live` })), `Body [link](${hosts[2]?.origin}/body).`);
  fast = ['--content', content, '--min-interval', '0', '--no-archive', '--timeout', '2000', '--now', '2025-11-26T06:00:00Z'];
});
afterAll(async () => Promise.all(hosts.map((h) => h.close())));

describe('npm run linkrot', () => {
  it('prints a summary and exits 1 when a source is dead on arrival', async () => {
    const state = join(await tempDir(), 'state.json');
    const result = await linkrot([...fast, '--state', state]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Link rot check: 7 URLs from 2 explainers');
    expect(result.stdout).toContain('ok 5 · redirected 1 · dead 1 · unverifiable 0 · transient 0');
    expect(result.stdout).toMatch(new RegExp(`Dead on arrival \\(1\\)\\n  ${hosts[0]?.origin}/dead\\n    not found \\(404\\); never seen alive`));
    expect(result.stdout).toMatch(/cited in .*first\.mdx:\d+ \(source dead\)/);
    expect(result.stdout).toContain(`fix: url: ${hosts[1]?.origin}/live`);
    // Not a terminal: one plain progress line at the end, on stderr.
    expect(result.stderr).toMatch(/^checked 7\/7 \(ok 5, redirected 1, dead 1\), \d+s elapsed\n$/);
    const saved = JSON.parse(await readFile(state, 'utf8'));
    expect(saved.version).toBe(2);
    expect(parseState(JSON.stringify(saved), state).urls[normalizeUrl(`${hosts[0]?.origin}/dead`)]?.problem).toBe('dead-on-arrival');
  }, 30_000);

  it('writes JSON, Markdown and GitHub annotations, quietly', async () => {
    const state = join(await tempDir(), 'state.json');
    const json = await linkrot([...fast, '--state', state, '--format', 'json', '--quiet']);
    expect(json.stderr).toBe('');
    const data = JSON.parse(json.stdout);
    expect(data).toMatchObject({ exitCode: 1, counts: { ok: 5, redirected: 1, dead: 1 } });
    expect(data.urls).toHaveLength(7);
    expect(data.issues.map((i: { kind: string }) => i.kind).sort()).toEqual(['dead-on-arrival', 'redirected']);

    const markdown = await linkrot([...fast, '--state', state, '--format', 'markdown', '--quiet']);
    expect(markdown.stdout).toMatch(/^## Link rot report, 2025-11-26\n/);
    expect(markdown.stdout).toContain('### Dead on arrival (1)');
    expect(markdown.stdout).toContain(`- <${hosts[0]?.origin}/dead>: not found (404)`);

    const github = await linkrot([...fast, '--state', state, '--format', 'github', '--quiet']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=[^,]*first\.mdx,line=\d+,title=Link rot%3A Dead on arrival::http:\/\/127\.0\.0\.1:\d+\/dead: not found \(404\)/m);
    expect(github.stdout).toMatch(/^::warning file=[^,]*first\.mdx,line=\d+,title=Link rot%3A Moved permanently::/m);
    expect(github.stdout).toMatch(/^::notice title=Link rot check::7 URLs from 2 explainers/m);
  }, 30_000);

  it('splits hosts across shards and merges their states into one', async () => {
    const dir = await tempDir();
    const base = join(dir, 'state.json');
    const shardState = (i: number) => join(dir, `shard-${i}.json`);
    const byShard = new Map<number, string[]>();
    for (const [i] of [1, 2].entries()) {
      const result = await linkrot([...fast, '--state', shardState(i + 1), '--shard', `${i + 1}/2`, '--format', 'json', '--quiet']);
      const urls = JSON.parse(result.stdout).urls.map((u: { url: string }) => u.url);
      byShard.set(i + 1, urls);
      // A shard checks exactly the URLs of its hosts.
      for (const url of urls) expect(shardOfHost(hostKey(url), 2)).toBe(i + 1);
    }
    expect([...(byShard.get(1) ?? []), ...(byShard.get(2) ?? [])].sort()).toHaveLength(7);
    const merged = await linkrot(['--content', content, '--state', base, '--merge', shardState(1), '--merge', shardState(2), '--now', '2025-11-26T07:00:00Z']);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('Link rot check: 7 URLs from 2 explainers');
    expect(merged.stdout).toContain('Dead on arrival (1)');
    expect(Object.keys(parseState(await readFile(base, 'utf8'), base).urls)).toHaveLength(7);
  }, 60_000);

  it('explains bad options and damaged state files, exit code 2, without touching the file', async () => {
    const shard = await linkrot(['--shard', '3/2']);
    expect([shard.code, shard.stderr.trim()]).toEqual([2, 'linkrot: --shard must look like 2/4 (shard 2 of 4, counting from 1), got "3/2".']);
    const unknown = await linkrot(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
    const format = await linkrot(['--format', 'xml']);
    expect(format.stderr).toContain('--format must be one of text, json, markdown, github');
    const dir = await tempDir();
    const state = join(dir, 'state.json');
    await writeFile(state, 'not json');
    const damaged = await linkrot([...fast, '--state', state, '--quiet']);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/^linkrot: .*state\.json is not valid JSON .*Move it aside to start a fresh history; it is left untouched\.\n$/);
    expect(await readFile(state, 'utf8')).toBe('not json');
    // A file of another shape (here: keyed by URL, no version) is not read either.
    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify({ 'https://example.org/a': { status: 200 } }));
    const other = await linkrot([...fast, '--state', foreign, '--quiet']);
    expect([other.code, other.stderr]).toEqual([2, expect.stringMatching(/^linkrot: .*foreign\.json has no format version; npm run linkrot reads versions 1 and 2 of its own state file\. .*left untouched\.\n$/)]);
    expect(JSON.parse(await readFile(foreign, 'utf8'))).toEqual({ 'https://example.org/a': { status: 200 } });
    const missing = await linkrot(['--content', join(dir, 'nope'), '--state', join(dir, 's.json'), '--quiet']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Check --content')]);
    const help = await linkrot(['--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run linkrot -- [options]')]);
    expect(help.stdout).toContain('  --min-interval <ms>       gap between request starts on one host (default: 250)\n');
  }, 30_000);

  it('keeps history: a second run on the same day is not new', async () => {
    const dir = await tempDir();
    const state = join(dir, 'state.json');
    await linkrot([...fast, '--state', state, '--quiet']);
    await copyFile(state, join(dir, 'before.json'));
    const again = await linkrot([...fast, '--state', state, '--format', 'json', '--quiet']);
    const urls = JSON.parse(again.stdout).urls as { isNew: boolean; history: unknown[] }[];
    expect(urls.every((u) => !u.isNew && u.history.length === 2)).toBe(true);
  }, 30_000);
});
