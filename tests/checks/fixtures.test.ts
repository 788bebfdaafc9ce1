/**
 * Fixture-driven rule tests: tests/fixtures/citations/<case>/input.mdx and the
 * expected messages in expected.txt (`line:col severity ruleId message`).
 * Run with UPDATE=1 to regenerate expected.txt, then review the diff by eye.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { severityOf } from '../../src/checks/report.ts';
import { RULES } from '../../src/checks/rules/index.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { NOW } from '../helpers/clock.ts';
import { fixture } from '../helpers/site.ts';


const root = fixture('citations');
const cases = readdirSync(root).sort();

describe('citation rule fixtures', () => {
  it('has a fixture for every rule', () => {
    const all = cases.flatMap((name) => (existsSync(join(root, name, 'expected.txt')) ? readFileSync(join(root, name, 'expected.txt'), 'utf8') : ''));
    // Every rule of the registry, so a new rule cannot land without a fixture.
    for (const { id } of RULES) expect(all.join('\n'), id).toContain(` ${id} `);
  });

  it.each(cases)('%s', (name) => {
    const bytes = readFileSync(join(root, name, 'input.mdx'));
    const result = checkArticle(parseArticle(`${name}/input.mdx`, bytes), { now: NOW });
    const actual = result.file.messages.map((m) => `${m.line}:${m.column} ${severityOf(m)} ${m.ruleId} ${m.reason}${m.note ? ` (fix: ${m.note})` : ''}`).join('\n') + '\n';
    const expectedPath = join(root, name, 'expected.txt');
    if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    // Clean fixtures must produce no message at all.
    if (name.startsWith('clean-')) expect(actual.trim()).toBe('');
  });
});
