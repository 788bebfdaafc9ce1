/**
 * The hostile corpus (tests/fixtures/hostile/, one attack per file, see its
 * MANIFEST.md): every file is refused by the checks at a named line, or it
 * builds with both gates passing it, which means every claim on its page
 * shows a citation. No file may crash or hang the checker.
 *
 * expected.txt holds each file's outcome; `UPDATE=1` rewrites it for review.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { severityOf } from '../../src/checks/report.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { buildSite, fixture } from '../helpers/site.ts';
import { NOW } from '../helpers/clock.ts';

const dir = fixture('hostile');
const PUBLISHED = 'published, both gates pass it';

/** One line per file: where the checks refuse it (up to three errors), or that it is published. */
async function outcomes(): Promise<{ lines: string[]; passing: string[] }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
  const lines: string[] = [];
  const passing: string[] = [];
  for (const name of names) {
    const { file } = checkArticle(parseArticle(name, await readFile(join(dir, name))), { now: NOW });
    const errors = file.messages.filter((m) => severityOf(m) === 'error');
    for (const m of file.messages) {
      // Every message is placed and attributed, whatever the input.
      expect(m.line, name).toBeGreaterThanOrEqual(1);
      expect(m.ruleId, name).toBeTruthy();
    }
    if (errors.length === 0) passing.push(name);
    const where = [...new Set(errors.map((m) => `${m.line}:${m.ruleId}`))].slice(0, 3).join(' ');
    lines.push(`${name}: ${errors.length ? `refused ${where}` : PUBLISHED}`);
  }
  return { lines, passing };
}

describe('hostile corpus', () => {
  let passing: string[] = [];

  it('refuses each attack at its line, or lets it through only when it publishes nothing uncited', async () => {
    const result = await outcomes();
    passing = result.passing;
    const actual = `${result.lines.join('\n')}\n`;
    const expectedPath = join(dir, 'expected.txt');
    if (process.env.UPDATE || !existsSync(expectedPath)) await writeFile(expectedPath, actual);
    expect(actual).toBe(await readFile(expectedPath, 'utf8'));
    expect(result.lines.length).toBeGreaterThan(190);
  }, 120_000);

  it('builds every file the checks let through, and the published-page gate agrees', async () => {
    expect(passing.length).toBeGreaterThan(0);
    const content = await mkdtemp(join(tmpdir(), 'hostile-pass-'));
    for (const name of passing) await cp(join(dir, name), join(content, name));
    const build = await buildSite(content, { SKIP_SEARCH_INDEX: '1', SKIP_LINK_CHECK: '1' });
    expect(build.ok, build.output.slice(-4000)).toBe(true);
    expect(build.output).toMatch(new RegExp(`${passing.length} published explainer pages verified in [\\d.]+ s: 0 errors`));
  }, 180_000);
});
