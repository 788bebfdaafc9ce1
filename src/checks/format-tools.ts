/**
 * Check reports for tools: JSON (an interface: versioned, its shape in the
 * README and pinned by tests/checks/formats.test.ts), GitHub Actions
 * workflow commands (annotations on pull requests) and SARIF 2.1.0 (GitHub
 * code scanning). Rule descriptions come from the registries.
 */
import { NOTICES } from '../schema/notices.ts';
import { severityOf } from './report.ts';
import { RULES } from './rules/index.ts';
import { summaryLine, totals } from './format.ts';
import type { CheckResult } from './types.ts';

/** The version of the JSON report's shape; raised on any change that could break a reader. */
export const JSON_VERSION = 1;

/** Machine-readable report: `{ version, summary, files: [{ path, coverage, overrides, messages }] }`. */
export function formatJson(results: readonly CheckResult[]): string {
  return JSON.stringify(
    {
      version: JSON_VERSION,
      summary: totals(results),
      files: results.map(({ file, coverage, overrides }) => ({
        path: file.path,
        coverage,
        overrides,
        messages: file.messages.map((m) => ({
          line: m.line ?? 1,
          column: m.column ?? 1,
          severity: severityOf(m),
          ruleId: m.ruleId,
          message: m.reason,
          hint: m.note,
        })),
      })),
    },
    null,
    2,
  );
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one annotation per message, on its line. */
export function formatGithub(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const { file } of results) {
    for (const m of file.messages) {
      const level = severityOf(m) === 'error' ? 'error' : severityOf(m) === 'warning' ? 'warning' : 'notice';
      const props = `file=${escapeProperty(file.path)},line=${m.line ?? 1},col=${m.column ?? 1},title=${escapeProperty(m.ruleId ?? 'check')}`;
      lines.push(`::${level} ${props}::${escapeData(m.note ? `${m.reason}\nfix: ${m.note}` : m.reason)}`);
    }
  }
  lines.push(summaryLine(totals(results)));
  return lines.join('\n');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Every id a report can carry, with its default level and docs, for SARIF's rule list. */
function catalog() {
  return [
    ...RULES.map((rule) => ({ id: rule.id, level: LEVEL[rule.severity], docs: rule.docs, help: rule.hint })),
    ...Object.values(NOTICES).map((notice) => ({ id: notice.id, level: LEVEL[notice.severity], docs: notice.docs, help: undefined as string | undefined })),
  ];
}

/** SARIF 2.1.0, one run, one result per message, paths relative to the repository (code scanning's convention). */
export function formatSarif(results: readonly CheckResult[]): string {
  const rules = catalog();
  const index = new Map<string, number>(rules.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap(({ file }) =>
    file.messages.map((m) => ({
      ruleId: m.ruleId ?? 'check',
      ...(m.ruleId && index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
      level: LEVEL[severityOf(m)],
      message: { text: m.note ? `${m.reason}\nfix: ${m.note}` : m.reason },
      locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region: { startLine: m.line ?? 1, startColumn: m.column ?? 1 } } }],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'explainers-check',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.docs.replace(/`/g, '') },
              ...(rule.help ? { help: { text: rule.help } } : {}),
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
