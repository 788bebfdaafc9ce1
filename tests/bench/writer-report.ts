/**
 * Benchmark: `npm run report` on a 1,000-explainer repository with 100
 * explainers changed, next to `npm run check` over all 1,000 (the baseline,
 * measured in the same run). Run: npx node tests/bench/writer-report.ts [articles] [changed]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const articles = Number(process.argv[2] ?? 1000);
const changed = Number(process.argv[3] ?? 100);
const repo = mkdtempSync(join(tmpdir(), 'bench-report-'));
const dir = join(repo, 'content/explainers');
mkdirSync(dir, { recursive: true });
const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });

function article(i: number, extra = ''): string {
  const sources = Array.from({ length: 5 }, (_, s) => `  - id: s${s}\n    title: "Source ${s} of ${i}"\n    url: https://publisher${(i + s) % 40}.example/story-${i}-${s}\n    publisher: Publisher ${(i + s) % 40}`).join('\n');
  const body = Array.from({ length: 20 }, (_, p) => `Paragraph ${p} of explainer ${i} states a fact about the talks [@s${p % 5}].`).join('\n\n');
  return `---\ntitle: "Explainer ${i}"\nsummary: "Summary ${i}."\npublished: 2025-11-26\nauthors: [Desk]\nsources:\n${sources}\n---\n\n${body}\n${extra}`;
}

for (let i = 0; i < articles; i++) writeFileSync(join(dir, `e${i}.mdx`), article(i));
git('init', '-q');
git('add', '-A');
git('commit', '-q', '-m', 'base');
for (let i = 0; i < changed; i++) writeFileSync(join(dir, `e${i}.mdx`), article(i, `\nA new claim ${i} [@s1].\n`));

const node = join(ROOT, 'node_modules/.bin/node');
function time(args: string[]): { ms: number; bytes: number; code: number | null } {
  const start = performance.now();
  const ran = spawnSync(node, args, { cwd: ROOT, env: { ...env, EXPLAINERS_DIR: dir }, maxBuffer: 1 << 28 });
  return { ms: Math.round(performance.now() - start), bytes: ran.stdout.length, code: ran.status };
}
const check = time(['src/cli/check.ts', dir]);
const report = time(['src/cli/report.ts', '--base', 'HEAD']);
console.log(`articles: ${articles}, changed: ${changed}`);
console.log(`npm run check (all ${articles}):       ${check.ms} ms (exit ${check.code})`);
console.log(`npm run report (${changed} changed):     ${report.ms} ms (exit ${report.code}), ${report.bytes} bytes of Markdown`);
console.log(`ratio report/check: ${(report.ms / check.ms).toFixed(2)}`);
