/**
 * `npm run report -- --base <ref>`: the pull-request summary, on a real
 * temporary git repository with a base commit and a change on top.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ExplainerChange } from '../../src/cli/lib/changes.ts';
import { frontmatterSlice } from '../../src/cli/lib/frontmatter-text.ts';
import { escapeMarkdown, formatMarkdown, MAX_REPORT_LENGTH } from '../../src/cli/lib/report-markdown.ts';
import { explainerTemplate } from '../../src/cli/lib/scaffold.ts';
import { cli, git, GIT_ENV, npmRun, tempDir } from './helpers.ts';

interface Source { id: string; url: string; publisher: string; title?: string }
const source = (id: string, host: string, publisher: string): Source => ({ id, url: `https://${host}/${id}`, publisher, title: `Title of ${id}` });

function explainer(title: string, sources: Source[], paragraphs: string[]): string {
  const list = sources.map((s) => `  - id: ${s.id}\n    title: "${s.title}"\n    url: ${s.url}\n    publisher: ${s.publisher}`).join('\n');
  return `---\ntitle: "${title}"\nsummary: "About ${title}."\npublished: 2025-11-20\nauthors:\n  - Desk\nsources:\n${list}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

const crisis = source('crisis-plan', 'crisis.zone', 'crisis.zone');
const reuters = source('reuters-talks', 'www.reuters.com', 'Reuters');
const reutersTwo = source('reuters-geneva', 'www.reuters.com', 'reuters'); // same publisher, other case
const ap = source('ap-ceasefire', 'apnews.com', 'AP');
const bbc = source('bbc-sanctions', 'www.bbc.co.uk', 'BBC');

let repo: string;
let dir: string;
let base: string;

beforeAll(async () => {
  repo = await tempDir('report-repo');
  dir = join(repo, 'content/explainers');
  await mkdir(dir, { recursive: true });
  await git(repo, 'init', '-q');
  await writeFile(join(dir, 'keep.mdx'), explainer('Keep', [crisis, reuters], [
    'The plan has 28 points [@crisis-plan].',
    'Talks resume in Geneva [@reuters-talks].',
    'Europe wrote a counter-proposal [@crisis-plan].',
  ]));
  await writeFile(join(dir, 'rename-me.mdx'), explainer('Renamed', [crisis], ['A claim that stays [@crisis-plan].']));
  await writeFile(join(dir, 'delete-me.mdx'), explainer('Deleted', [bbc], ['Sanctions stay in place [@bbc-sanctions].']));
  await writeFile(join(repo, 'README.md'), 'readme\n');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'base');
  base = (await git(repo, 'rev-parse', 'HEAD')).trim();

  // The change: one claim edited, one added without a citation, a source swapped for two new ones.
  await writeFile(join(dir, 'keep.mdx'), explainer('Keep', [crisis, ap, reutersTwo], [
    'The plan has 28 points [@crisis-plan].',
    'Talks resume in Geneva on Monday [@reuters-geneva].',
    'Europe wrote a counter-proposal [@crisis-plan].',
    '## What comes next',
    'A ceasefire comes first [@ap-ceasefire].',
    'This paragraph cites nothing.',
    '| Who | What |\n| --- | --- |\n| Who | Ceasefire first [@ap-ceasefire] |',
    '<Analysis>\nOur reading of the talks, in full.\n\nA second paragraph of it.\n</Analysis>',
  ]));
  await git(repo, 'mv', 'content/explainers/rename-me.mdx', 'content/explainers/renamed.mdx');
  await git(repo, 'rm', '-q', 'content/explainers/delete-me.mdx');
  await writeFile(join(dir, 'added.mdx'), explainerTemplate({ title: 'Added', date: '2025-11-26', authors: ['Desk'] }));
  await writeFile(join(repo, 'README.md'), 'readme changed\n');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'change');
  // Not committed yet: a writer's new file still counts.
  await writeFile(join(dir, 'untracked.mdx'), explainer('Untracked', [crisis], ['Fresh [@crisis-plan].']));
}, 60_000);

interface JsonChange {
  status: string;
  path: string;
  from?: string;
  claimsAdded: Array<{ text: string; section?: string }>;
  claimsRemoved: Array<{ text: string; section?: string }>;
  analysesAdded: string[];
  sourcesAdded: Array<{ id: string; url: string }>;
  sourcesRemoved: Array<{ id: string; url: string }>;
  newPublishers: string[];
  examplePlaceholder: boolean;
  coverageBefore?: { claims: number; cited: number; sources: number };
  coverageAfter?: { claims: number; cited: number; sources: number };
  check?: { errors: number; warnings: number };
}

async function jsonReport(ref: string): Promise<{ base: { commit: string }; changes: JsonChange[] }> {
  const ran = await cli('report', ['--base', ref, '--format', 'json'], { EXPLAINERS_DIR: dir, ...GIT_ENV });
  expect(ran.code, ran.stderr).toBe(0);
  return JSON.parse(ran.stdout);
}

describe('npm run report', () => {
  it('lists added, modified, renamed and deleted explainers (and new untracked ones), nothing else', async () => {
    const report = await jsonReport(base);
    expect(report.base.commit).toBe(base);
    expect(report.changes.map((c) => [c.path.replace('content/explainers/', ''), c.status])).toEqual([
      ['added.mdx', 'added'],
      ['delete-me.mdx', 'deleted'],
      ['keep.mdx', 'modified'],
      ['renamed.mdx', 'renamed'],
      ['untracked.mdx', 'added'],
    ]);
    const renamed = report.changes.find((c) => c.status === 'renamed')!;
    expect(renamed.from).toBe('content/explainers/rename-me.mdx');
    expect([renamed.claimsAdded, renamed.claimsRemoved, renamed.sourcesAdded, renamed.sourcesRemoved]).toEqual([[], [], [], []]);
  }, 60_000);

  it('reports claims and sources added and removed, coverage before and after, and publishers new to the site', async () => {
    const keep = (await jsonReport(base)).changes.find((c) => c.path.endsWith('keep.mdx'))!;
    expect(keep.claimsAdded).toEqual([
      { text: 'Talks resume in Geneva on Monday [@reuters-geneva].' },
      { text: 'A ceasefire comes first [@ap-ceasefire].', section: 'What comes next' },
      { text: 'This paragraph cites nothing.', section: 'What comes next' },
      { text: 'Who · Ceasefire first [@ap-ceasefire]', section: 'What comes next' },
    ]);
    expect(keep.claimsRemoved).toEqual([{ text: 'Talks resume in Geneva [@reuters-talks].' }]);
    expect(keep.analysesAdded).toEqual(['Our reading of the talks, in full.\n\nA second paragraph of it.']);
    expect(keep.sourcesAdded.map((s) => s.id)).toEqual(['ap-ceasefire', 'reuters-geneva']);
    expect(keep.sourcesRemoved.map((s) => s.id)).toEqual(['reuters-talks']);
    // Reuters was cited at the base (in another case): only AP is new.
    expect(keep.newPublishers).toEqual(['AP']);
    expect(keep.coverageBefore).toEqual({ claims: 3, cited: 3, sources: 2 });
    expect(keep.coverageAfter).toEqual({ claims: 6, cited: 5, sources: 3 });
    expect(keep.check).toEqual({ errors: 1, warnings: 0 });

    const deleted = (await jsonReport(base)).changes.find((c) => c.status === 'deleted')!;
    expect(deleted.claimsRemoved).toEqual([{ text: 'Sanctions stay in place [@bbc-sanctions].' }]);
    expect(deleted.coverageAfter).toBeUndefined();
    expect(deleted.coverageBefore).toEqual({ claims: 1, cited: 1, sources: 1 });
    const added = (await jsonReport(base)).changes.find((c) => c.path.endsWith('added.mdx'))!;
    expect(added.examplePlaceholder).toBe(true);
    expect(added.newPublishers).toEqual([]);
  }, 60_000);

  it('prints Markdown for a pull-request comment that cannot @-mention anyone', async () => {
    const ran = await npmRun('report', ['--base', base], { EXPLAINERS_DIR: dir, ...GIT_ENV });
    expect(ran.code, ran.stderr).toBe(0);
    const md = ran.stdout;
    expect(md.split('\n')[0]).toBe('<!-- explainer-report -->');
    expect(md).toContain(`## Explainer changes since \`${base}\` (\`${base.slice(0, 7)}\`)`);
    expect(md).toContain('5 explainers changed: 2 added, 1 modified, 1 renamed, 1 deleted.');
    // Editors know explainers by headline, and see the summary, claims by section and the Analysis in full.
    expect(md).toContain('| “Keep” | modified | +4 −1 | 3/3 (100%) → 5/6 (83%) | +2 −1 | ❌ 1 error |');
    expect(md).toContain('### “Keep” (modified)\n\nFile: `content/explainers/keep.mdx`\n\n> About Keep.');
    expect(md).toContain('**What comes next**\n\n- A ceasefire comes first');
    expect(md).toContain('- Who · Ceasefire first \\[@<!-- -->ap-ceasefire\\]');
    expect(md).toContain('> Our reading of the talks, in full.\n>\n> A second paragraph of it.');
    // The untouched scaffold is never ✅.
    expect(md).toMatch(/\| “Added” \| added \| .* \| ❌ /);
    expect(md).toContain('**New publishers** (first time the site cites them): AP');
    expect(md).toContain('- `ap-ceasefire`: [Title of ap-ceasefire](<https://apnews.com/ap-ceasefire>), AP');
    expect(md).toContain('⚠️ **Still has the example source**');
    expect(md).toContain('File: `content/explainers/rename-me.mdx` → `content/explainers/renamed.mdx`');
    // Citations look like @-mentions: every @ outside code is broken up.
    expect(md).toContain('A ceasefire comes first \\[@<!-- -->ap-ceasefire\\].');
    expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/@(?!<!-- -->)\w/);
  }, 60_000);

  it('compares with where the branch left the base, so later commits on the base do not count', async () => {
    const fork = await tempDir('report-fork');
    await git(fork, 'clone', '-q', repo, 'clone');
    const clone = join(fork, 'clone');
    await git(clone, 'checkout', '-q', '-b', 'feature', base);
    await writeFile(join(clone, 'content/explainers/keep.mdx'), (await readFile(join(clone, 'content/explainers/keep.mdx'), 'utf8')).replace('28 points', '28 numbered points'));
    await git(clone, 'commit', '-q', '-am', 'feature edit');
    // `main` (the second commit above) moved on after the branch started.
    const ran = await cli('report', ['--base', 'origin/main', '--format', 'json'], { EXPLAINERS_DIR: join(clone, 'content/explainers'), ...GIT_ENV });
    expect(ran.code, ran.stderr).toBe(0);
    const changes = (JSON.parse(ran.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.map((c) => c.path)).toEqual(['content/explainers/keep.mdx']);
    expect(changes[0]!.claimsAdded).toEqual([{ text: 'The plan has 28 numbered points [@crisis-plan].' }]);
  }, 60_000);

  it('writes the added sources as explainers for the dead-on-arrival check', async () => {
    const out = join(await tempDir('report-new'), 'new-sources');
    const ran = await cli('report', ['--base', base, '--new-sources', out], { EXPLAINERS_DIR: dir, ...GIT_ENV });
    expect(ran.code, ran.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['added.mdx', 'keep.mdx', 'untracked.mdx']);
    const keep = await readFile(join(out, 'keep.mdx'), 'utf8');
    const data = parse(frontmatterSlice(keep)!.yaml) as { sources: Source[] };
    expect(data.sources.map((s) => s.url)).toEqual([ap.url, reutersTwo.url]);
    const check = await cli('check', [join(out, 'keep.mdx')]);
    expect(check.code, check.stdout).toBe(0);
  }, 60_000);

  it('says clearly when nothing changed, and fails with exit 2 on a ref that does not exist', async () => {
    const clean = await tempDir('report-clean');
    await git(clean, 'clone', '-q', repo, 'c');
    const same = await cli('report', ['--base', 'HEAD'], { EXPLAINERS_DIR: join(clean, 'c/content/explainers'), ...GIT_ENV });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No explainer changed.');

    // A ref that looks like an option must not reach git as one.
    for (const ref of ['no-such-branch', 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', '--output=/tmp/x']) {
      const ran = await cli('report', [`--base=${ref}`], { EXPLAINERS_DIR: dir, ...GIT_ENV });
      expect(ran.code, ref).toBe(2);
      expect(ran.stderr).toMatch(/report: (git ref ".*" does not exist in this repository|".*" is not a git ref)/);
      expect(ran.stderr).toContain('--base origin/main');
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = await cli('report', [], { EXPLAINERS_DIR: dir });
    expect(missing.code).toBe(2);
    const notRepo = await tempDir('report-norepo');
    const outside = await cli('report', ['--base', 'HEAD'], { EXPLAINERS_DIR: notRepo, ...GIT_ENV, GIT_CEILING_DIRECTORIES: notRepo.replace(/\/[^/]+$/, '') });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
  }, 60_000);

  it('handles a deleted explainer folder and a file renamed to another extension', async () => {
    const work = await tempDir('report-edge');
    await git(work, 'clone', '-q', repo, 'r');
    const clone = join(work, 'r');
    await rename(join(clone, 'content/explainers/keep.mdx'), join(clone, 'content/explainers/keep.md'));
    const ran = await cli('report', ['--base', 'HEAD', '--format', 'json'], { EXPLAINERS_DIR: join(clone, 'content/explainers'), ...GIT_ENV });
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as { changes: JsonChange[] }).changes.map((c) => [c.path, c.status])).toEqual([['content/explainers/keep.mdx', 'deleted']]);
    await rm(join(clone, 'content'), { recursive: true });
    await mkdir(join(clone, 'content/explainers'), { recursive: true });
    const gone = await cli('report', ['--base', 'HEAD', '--format', 'json'], { EXPLAINERS_DIR: join(clone, 'content/explainers'), ...GIT_ENV });
    expect(gone.code, gone.stderr).toBe(0);
    expect((JSON.parse(gone.stdout) as { changes: JsonChange[] }).changes.every((c) => c.status === 'deleted')).toBe(true);
  }, 60_000);
});

describe('report Markdown', () => {
  const change = (i: number, claims: number): ExplainerChange => ({
    status: 'modified',
    path: `content/explainers/explainer-number-${i}.mdx`,
    before: { claims: [], analyses: [], sources: [], coverage: { claims: 10, cited: 10, sources: 2 }, errors: 0, warnings: 0 },
    after: { claims: [], analyses: [], sources: [], coverage: { claims: 10 + claims, cited: 10 + claims, sources: 2 }, errors: 0, warnings: 0 },
    claimsAdded: Array.from({ length: claims }, (_, c) => ({ text: `Claim ${c} of explainer ${i}, long enough to take some room in a comment [@src-${c}].` })),
    claimsRemoved: [],
    analysesAdded: [],
    sourcesAdded: [],
    sourcesRemoved: [],
    newPublishers: [],
    examplePlaceholder: false,
  });

  it('stays under the GitHub comment limit however large the change, saying what it left out', () => {
    const base = { ref: 'main', commit: 'a'.repeat(40) };
    for (const [files, claims] of [[5, 400], [300, 20], [3000, 1]] as const) {
      const md = formatMarkdown(Array.from({ length: files }, (_, i) => change(i, claims)), base);
      expect(Buffer.byteLength(md), `${files} files`).toBeLessThanOrEqual(MAX_REPORT_LENGTH);
      expect(md).toContain(`${files} explainers changed`);
    }
    const few = formatMarkdown([change(1, 400)], base);
    expect(few).toContain('- … and 350 more');
    const many = formatMarkdown(Array.from({ length: 3000 }, (_, i) => change(i, 1)), base);
    expect(many).toMatch(/… and \d+ more explainers\./);
    expect(many).toContain('Details left out to fit in a comment: run `npm run report -- --base main`');
  });

  it('escapes text from explainers: no HTML, no formatting, no mentions', () => {
    expect(escapeMarkdown('<script>alert(1)</script> *bold* [link](x) @team `code` | pipe')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x) @<!-- -->team \\`code\\` \\| pipe',
    );
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});
