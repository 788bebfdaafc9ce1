/**
 * The result cache of `npm run check`: an unchanged file keeps its result, an
 * edited one is checked again, and anything that could change a verdict
 * (the checker's code or config, the date) throws the whole cache away.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkerKey, checkWithCache } from '../../src/checks/cache.ts';
import { formatJson } from '../../src/checks/format-tools.ts';
import { checkFiles, findArticles } from '../../src/checks/files.ts';
import { siteChecks } from '../../src/checks/run.ts';
import type { CheckResult } from '../../src/checks/run.ts';
import { spawnSync } from 'node:child_process';
import { fixture, ROOT } from '../helpers/site.ts';

const NOW = new Date('2026-01-15T12:00:00Z');

/** A folder with a clean article and two with problems, and a fresh cache path. */
async function site(): Promise<{ dir: string; cache: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'check-cache-'));
  for (const name of ['clean-basic', 'unknown-source', 'uncited-paragraph']) {
    await cp(fixture('citations', name, 'input.mdx'), join(dir, `${name}.mdx`));
  }
  return { dir, cache: join(dir, '.cache', 'results.json'), files: await findArticles([dir]) };
}

/** The real checker, in-process, counting the files it was asked to check. */
function countingChecker(seen: string[][]) {
  const { config, overrides } = siteChecks();
  return async (files: string[]): Promise<CheckResult[]> => {
    seen.push(files);
    return checkFiles(files, { now: NOW, config, siteOverrides: overrides });
  };
}

describe('check result cache', () => {
  it('reuses every result when nothing changed, with exactly the report of a fresh run', async () => {
    const { cache, files } = await site();
    const seen: string[][] = [];
    const first = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(first.stats).toEqual({ reused: 0, checked: 3, saved: true });
    const second = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(second.stats).toEqual({ reused: 3, checked: 0, saved: true });
    expect(seen).toHaveLength(1);
    const report = formatJson(second.results);
    expect(report).toBe(formatJson(first.results));
    expect(JSON.parse(report).summary.errors).toBeGreaterThan(0);
  });

  it('checks an edited file again and reports its new problem', async () => {
    const { cache, files } = await site();
    const seen: string[][] = [];
    const clean = files.find((file) => file.endsWith('clean-basic.mdx'))!;
    const before = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    const errorsBefore = JSON.parse(formatJson(before.results)).summary.errors as number;
    await writeFile(clean, `${await readFile(clean, 'utf8')}\nA new paragraph with no source at all.\n`);
    const after = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(after.stats).toEqual({ reused: 2, checked: 1, saved: true });
    expect(seen[1]).toEqual([clean]);
    expect(JSON.parse(formatJson(after.results)).summary.errors).toBe(errorsBefore + 1);
    expect(after.results[files.indexOf(clean)]!.file.messages.map((m) => m.ruleId)).toContain('uncited-claim');
  });

  it('starts cold on another day, after a broken cache file, and keeps entries of files not in this run', async () => {
    const { cache, files } = await site();
    const seen: string[][] = [];
    await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    const nextDay = await checkWithCache(files, countingChecker(seen), { cache, now: new Date('2026-01-16T12:00:00Z') });
    expect(nextDay.stats.checked).toBe(3);
    await writeFile(cache, '{"version": 1, "checker": tru');
    const broken = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(broken.stats).toEqual({ reused: 0, checked: 3, saved: true });
    await checkWithCache(files.slice(0, 1), countingChecker(seen), { cache, now: NOW });
    const all = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(all.stats).toEqual({ reused: 3, checked: 0, saved: true });
  });

  it('does not store the result of a file saved again while it was being checked', async () => {
    const { cache, files } = await site();
    const clean = files.find((file) => file.endsWith('clean-basic.mdx'))!;
    const original = await readFile(clean, 'utf8');
    const seen: string[][] = [];
    const check = countingChecker(seen);
    // The writer saves after the cache hashed the file, so the checker sees other bytes...
    await checkWithCache(files, async (missing) => {
      await writeFile(clean, `${original}\nAnother paragraph with no source.\n`);
      return check(missing);
    }, { cache, now: NOW });
    // ...and then undoes the edit: the bytes the cache hashed are back, but it must not answer for them.
    await writeFile(clean, original);
    const next = await checkWithCache(files, countingChecker(seen), { cache, now: NOW });
    expect(next.stats).toEqual({ reused: 2, checked: 1, saved: true });
    expect(next.results[files.indexOf(clean)]!.file.messages.map((m) => m.ruleId)).not.toContain('uncited-claim');
  });

  it('keys the checker on its code and config, so an edited rule rechecks everything', async () => {
    const root = await mkdtemp(join(tmpdir(), 'checker-key-'));
    await mkdir(join(root, 'src', 'checks', 'rules'), { recursive: true });
    await mkdir(join(root, 'src', 'config'), { recursive: true });
    await writeFile(join(root, 'src', 'checks', 'rules', 'rule.ts'), 'export const a = 1;');
    await writeFile(join(root, 'src', 'config', 'checks.ts'), 'export default {};');
    const key = checkerKey(NOW, root);
    expect(checkerKey(NOW, root)).toBe(key);
    await writeFile(join(root, 'src', 'checks', 'rules', 'rule.ts'), 'export const a = 2;');
    const edited = checkerKey(NOW, root);
    expect(edited).not.toBe(key);
    await writeFile(join(root, 'src', 'config', 'checks.ts'), "export default { rules: { 'uncited-specific': 'error' } };");
    expect(checkerKey(NOW, root)).not.toBe(edited);
    await writeFile(join(root, 'package-lock.json'), '{}');
    expect(checkerKey(NOW, root)).not.toBe(edited);
  });

  it('says on stderr that results were reused, and --no-cache checks every file', async () => {
    const { dir } = await site();
    // stdout and stderr apart: the note must not spoil the JSON.
    const cli = (...args: string[]) => {
      const { status, stdout, stderr } = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['src/cli/check.ts', dir, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8' });
      return { code: status, stdout, stderr };
    };
    const first = cli();
    const second = cli();
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).summary.errors).toBeGreaterThan(0);
    expect(second.stderr).toContain('3 of 3 files unchanged since the last run');
    expect(second.stdout).toBe(first.stdout);
    const uncached = cli('--no-cache');
    expect(uncached.stderr).not.toContain('unchanged');
    expect(uncached.stdout).toBe(first.stdout);
  }, 60_000);
});
