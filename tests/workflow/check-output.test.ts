/**
 * `npm run check` output from a writer's point of view: problems grouped
 * by file and in line order, each with its fix, and a last line that says
 * what to do next.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { formatText } from '../../src/checks/format.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { fixture } from '../helpers/site.ts';

const check = async (...names: string[]) =>
  Promise.all(names.map(async (name) => checkArticle(parseArticle(`${name}.mdx`, await readFile(fixture('citations', name, 'input.mdx'))), { now: new Date('2026-01-01') })));

describe('check output for writers', () => {
  it('groups problems by file, in line order, each followed by its fix', async () => {
    const text = formatText(await check('unknown-source', 'uncited-list-item', 'invalid-source-urls'));
    const lines = text.split('\n');
    const problems = lines.filter((l) => /^[\w-]+\.mdx:\d+:\d+ (error|warning)/.test(l));
    expect(problems.length).toBeGreaterThanOrEqual(5);
    // Grouped: once a file's lines end, that file never appears again.
    const order = problems.map((l) => l.split(':')[0]);
    expect(order.filter((f, i) => f !== order[i - 1])).toEqual([...new Set(order)]);
    for (const file of new Set(order)) {
      const numbers = problems.filter((l) => l.startsWith(`${file}:`)).map((l) => Number(l.split(':')[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    for (const [i, line] of lines.entries()) {
      if (/ error .*uncited-claim$/.test(line)) expect(lines[i + 1]).toMatch(/^ {4}fix: /);
    }
  });

  it('ends with what to do next: fix errors, review warnings, or preview and open a pull request', async () => {
    const last = async (name: string) => formatText(await check(name)).split('\n').at(-1);
    expect(await last('unknown-source')).toMatch(/^Next: fix the errors above .*then run `npm run check` again\. The site will not build until they are fixed\.$/);
    expect(await last('uncited-specific')).toMatch(/^Next: look at each warning above: add a citation in that sentence, or move .* into <Analysis>\./);
    expect(await last('clean-basic')).toBe('All claims are sourced. Next: preview with `npm run dev`, then open a pull request.');
  });
});
