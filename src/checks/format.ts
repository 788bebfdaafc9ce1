/**
 * Check reports for people: compiler-style text grouped by file, each
 * message with its fix, and a last line saying what to do next. The formats
 * for tools are in ./format-tools.ts.
 */
import type { VFileMessage } from 'vfile-message';
import { statistics } from 'vfile-statistics';
import { severityOf } from './report.ts';
import type { CheckResult } from './types.ts';
import type { Override } from './config.ts';

/** Counts for the summary line. */
export interface Totals {
  errors: number;
  warnings: number;
  /** Files with at least one error or warning. */
  files: number;
}

/** Count errors and warnings across results (vfile-statistics). */
export function totals(results: readonly CheckResult[]): Totals {
  const files = results.map((r) => r.file);
  if (files.length === 0) return { errors: 0, warnings: 0, files: 0 };
  const { fatal, warn } = statistics(files);
  return { errors: fatal, warnings: warn, files: files.filter((file) => statistics(file).fatal + statistics(file).warn > 0).length };
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
  return [...seen.values()].map((o) => `note: src/config/checks.ts sets rule \`${o.rule}\` to \`${o.to}\` (default: \`${o.from}\`)`);
}

/**
 * The human report: site overrides, then each file's messages sorted by line with fix hints,
 * coverage, the summary, and a last line saying what to do (`next` replaces the usual one).
 */
export function formatText(results: readonly CheckResult[], { coverage = true, next }: { coverage?: boolean; next?: string } = {}): string {
  const out: string[] = [...siteOverrideLines(results)];
  if (out.length) out.push('');
  for (const { file, coverage: cov } of results) {
    const path = file.path;
    for (const message of file.messages) {
      out.push(messageLine(path, message));
      // A second line of a fix (the parser's own words, for developers) stays under it.
      if (message.note) out.push(`    fix: ${message.note.replace(/\n/g, '\n    ')}`);
    }
    if (coverage && cov) {
      const share = cov.claims ? Math.round((cov.cited / cov.claims) * 100) : 100;
      out.push(`${path}: coverage ${cov.cited}/${cov.claims} claims cited (${share}%), ${plural(cov.sources, 'source')}`);
    }
    if (file.messages.length || coverage) out.push('');
  }
  const total = totals(results);
  out.push(`${summaryLine(total)} (${plural(results.length, 'explainer')} checked)`);
  out.push(next && total.errors > 0 ? next : nextLine(total));
  return out.join('\n');
}

/** The last line of the text report: what the writer does now. */
export function nextLine({ errors, warnings }: Totals): string {
  if (errors > 0) return 'Next: fix the errors above (each line says where and how), then run `npm run check` again. The site will not build until they are fixed.';
  if (warnings > 0) return 'Next: look at each warning above: add a citation in that sentence, or move the site\'s own interpretation into <Analysis>. Warnings do not block publishing.';
  return 'All claims are sourced. Next: preview with `npm run dev`, then open a pull request.';
}
