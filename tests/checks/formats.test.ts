/**
 * The reports tools read are interfaces: the JSON shape is versioned and
 * pinned here, SARIF carries every rule of the registries, and the README's
 * rule tables list exactly the rules the code declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { formatJson, formatSarif, JSON_VERSION } from '../../src/checks/format-tools.ts';
import { RULES } from '../../src/checks/rules/index.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { PAGE_RULES } from '../../src/published/rules.ts';
import { NOTICES } from '../../src/schema/notices.ts';
import { SETTINGS } from '../../src/config/env.ts';
import { NOW } from '../helpers/clock.ts';
import { fixture, ROOT } from '../helpers/site.ts';

const result = (name: string) => checkArticle(parseArticle(`${name}.mdx`, readFileSync(fixture('citations', name, 'input.mdx'))), { now: NOW });

describe('machine-readable reports', () => {
  it('keeps the JSON shape of version 1', () => {
    const json = JSON.parse(formatJson([result('unknown-source'), result('clean-basic')]));
    expect(json.version).toBe(JSON_VERSION);
    expect(JSON_VERSION).toBe(1);
    expect(Object.keys(json)).toEqual(['version', 'summary', 'files']);
    expect(json.summary).toEqual({ errors: 2, warnings: 0, files: 1 });
    expect(Object.keys(json.files[0])).toEqual(['path', 'coverage', 'overrides', 'messages']);
    expect(json.files[0].coverage).toEqual({ claims: 2, cited: 2, sources: 2 });
    expect(json.files[0].messages[0]).toEqual({
      line: 19,
      column: 24,
      severity: 'error',
      ruleId: 'unknown-source',
      message: 'Citation `@alpah` names no source in the frontmatter',
      hint: 'did you mean `alpha`?',
    });
    expect(json.files[1].messages).toEqual([]);
  });

  it('writes SARIF 2.1.0 with every declared rule and each message at its place', () => {
    const sarif = JSON.parse(formatSarif([result('unknown-source')]));
    expect(sarif.version).toBe('2.1.0');
    const driver = sarif.runs[0].tool.driver;
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...RULES.map((r) => r.id), ...Object.values(NOTICES).map((n) => n.id)]);
    expect(driver.rules.find((r: { id: string }) => r.id === 'uncited-specific').defaultConfiguration.level).toBe('warning');
    const first = sarif.runs[0].results[0];
    expect(first).toMatchObject({ ruleId: 'unknown-source', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'unknown-source.mdx' }, region: { startLine: 19, startColumn: 24 } } }] });
    expect(driver.rules[first.ruleIndex].id).toBe('unknown-source');
    expect(first.message.text).toContain('fix: did you mean `alpha`?');
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  /** Rows of the README's tables whose first cell is an id in backticks: id → second cell. */
  const rows = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));

  it('lists every rule with its default severity, and no rule the code does not have', () => {
    for (const rule of RULES) expect(rows.get(rule.id), rule.id).toMatch(new RegExp(`^${rule.severity}`));
    for (const notice of Object.values(NOTICES)) expect(rows.has(notice.id), notice.id).toBe(true);
    for (const rule of PAGE_RULES) expect(rows.has(rule.id), rule.id).toBe(true);
    const known = new Set<string>([...RULES.map((r) => r.id), ...Object.values(NOTICES).map((n) => n.id), ...PAGE_RULES.map((r) => r.id)]);
    for (const id of rows.keys()) expect(known.has(id), `README lists ${id}`).toBe(true);
  });

  it('lists every environment setting the code declares', () => {
    for (const { env } of Object.values(SETTINGS)) expect(readme, env).toContain(`\`${env}\``);
  });
});
