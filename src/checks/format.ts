/**
 * Check reports for people (compiler-style text grouped by file), for tools
 * (JSON) and for GitHub Actions (workflow-command annotations).
 */
import type { VFileMessage } from 'vfile-message';
import { severityOf } from './report.ts';
import type { CheckResult } from './run.ts';
import type { Override } from './config.ts';

/** Counts for the summary line. */
export interface Totals {
  errors: number;
  warnings: number;
  /** Files with at least one error or warning. */
  files: number;
}

/** Count errors and warnings across results. */
export function totals(results: readonly CheckResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let files = 0;
  for (const { file } of results) {
    const e = file.messages.filter((m) => severityOf(m) === 'error').length;
    const w = file.messages.filter((m) => severityOf(m) === 'warning').length;
    errors += e;
    warnings += w;
    if (e + w > 0) files++;
  }
  return { errors, warnings, files };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 errors, 1 warning in 2 files` */
export function summaryLine({ errors, warnings, files }: Totals): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}

/** One compiler-style line: `path:12:5 error Paragraph cites no source  uncited-claim`. */
export function messageLine(path: string, message: VFileMessage): string {
  return `${path}:${message.line ?? 1}:${message.column ?? 1} ${severityOf(message)} ${message.reason}  ${message.ruleId ?? ''}`.trimEnd();
}

function siteOverrideLines(results: readonly CheckResult[]): string[] {
  const seen = new Map<string, Override>();
  for (const r of results) for (const o of r.overrides) if (o.scope === 'site') seen.set(o.rule, o);
  return [...seen.values()].map((o) => `note: src/checks.config.ts sets rule \`${o.rule}\` to \`${o.to}\` (default: \`${o.from}\`)`);
}

/** The human report: site overrides, then each file's messages sorted by line with fix hints, coverage, summary. */
export function formatText(results: readonly CheckResult[], { coverage = true } = {}): string {
  const out: string[] = [...siteOverrideLines(results)];
  if (out.length) out.push('');
  for (const { file, coverage: cov } of results) {
    const path = file.path;
    for (const message of file.messages) {
      out.push(messageLine(path, message));
      if (message.note) out.push(`    fix: ${message.note}`);
    }
    if (coverage && cov) {
      const share = cov.claims ? Math.round((cov.cited / cov.claims) * 100) : 100;
      out.push(`${path}: coverage ${cov.cited}/${cov.claims} claims cited (${share}%), ${plural(cov.sources, 'source')}`);
    }
    if (file.messages.length || coverage) out.push('');
  }
  const total = totals(results);
  out.push(`${summaryLine(total)} (${plural(results.length, 'explainer')} checked)`);
  out.push(
    total.errors > 0
      ? 'Next: fix the errors above (each line says where and how), then run `npm run check` again.'
      : total.warnings > 0
        ? 'No errors. Warnings do not block publishing, but each one is a claim a reader may question.'
        : 'All claims are sourced.',
  );
  return out.join('\n');
}

/** Machine-readable report. */
export function formatJson(results: readonly CheckResult[]): string {
  return JSON.stringify(
    {
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
