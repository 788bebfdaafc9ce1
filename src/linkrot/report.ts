/**
 * Report formats: a terminal summary, JSON, Markdown (the body of a CI
 * issue) and GitHub Actions annotations.
 */
import type { RunReport } from './run.ts';
import { countsLine, describeCitation, scopeLine, sections, SEVERITY, TITLES, type Issue, type IssueKind } from './sections.ts';

/** Output formats of `npm run linkrot`. */
export const FORMATS = ['text', 'json', 'markdown', 'github'] as const;
/** One output format. */
export type Format = (typeof FORMATS)[number];

const ACTION: IssueKind[] = ['rotten', 'dead-on-arrival', 'redirected', 'quote-missing'];

/** Human summary: counts by class, then each problem with who cites it and a fix. */
export function formatText(report: RunReport, policyRuns = 3): string {
  const lines = [`Link rot check: ${scopeLine(report)} in ${(report.durationMs / 1000).toFixed(1)} s`, `  ${countsLine(report)}`];
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  for (const [kind, issues] of sections(report, policyRuns)) {
    if (issues.length === 0) continue;
    lines.push('', `${TITLES[kind]} (${issues.length})${ACTION.includes(kind) ? '' : ' - no action needed yet'}`);
    for (const issue of issues) {
      lines.push(`  ${issue.url}`, `    ${issue.detail}`);
      for (const citation of issue.citations) lines.push(`    cited in ${describeCitation(citation)}`);
      if (issue.fix) lines.push(`    fix: ${issue.fix}`);
    }
  }
  const problems = report.findings.filter((f) => f.problem).length;
  lines.push('', problems > 0 ? `${problems} source URL${problems === 1 ? '' : 's'} need${problems === 1 ? 's' : ''} action (rotten or dead on arrival).` : 'No rotten or dead-on-arrival sources.');
  return lines.join('\n');
}

/** Everything, machine-readable. */
export function formatJson(report: RunReport, policyRuns = 3): string {
  const issues = [...sections(report, policyRuns).values()].flat();
  return JSON.stringify(
    {
      startedAt: report.startedAt,
      durationMs: Math.round(report.durationMs),
      articles: report.articles,
      ...(report.shard ? { shard: `${report.shard.index}/${report.shard.count}` } : {}),
      counts: report.counts,
      exitCode: report.exitCode,
      warnings: report.warnings,
      issues,
      urls: report.findings.map((f) => ({ ...f.record, problem: f.problem ?? null, isNew: f.isNew, citations: f.target.citations })),
    },
    null,
    2,
  );
}

const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

/** A Markdown report for a CI issue or job summary. */
export function formatMarkdown(report: RunReport, policyRuns = 3): string {
  const out = [`## Link rot report, ${report.startedAt.slice(0, 10)}`, '', `${escapeMarkdown(scopeLine(report))}: ${countsLine(report)}.`];
  for (const warning of report.warnings) out.push('', `> ${escapeMarkdown(warning)}`);
  for (const [kind, issues] of sections(report, policyRuns)) {
    if (issues.length === 0) continue;
    const quiet = !ACTION.includes(kind);
    out.push('', `### ${TITLES[kind]} (${issues.length})`, '');
    if (quiet) out.push('<details><summary>Being watched; no action needed yet</summary>', '');
    for (const issue of issues) {
      out.push(`- <${issue.url.replaceAll('>', '%3E')}>: ${escapeMarkdown(issue.detail)}`);
      out.push(`  - cited in ${issue.citations.map((c) => code(describeCitation(c))).join(', ')}`);
      if (issue.fix) out.push(`  - fix: ${code(issue.fix)}`);
    }
    if (quiet) out.push('', '</details>');
  }
  return out.join('\n');
}

const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** GitHub Actions workflow commands: one annotation per citing line. */
export function formatGithub(report: RunReport, policyRuns = 3): string {
  const out: string[] = [];
  const annotate = (issue: Issue) => {
    const level = SEVERITY[issue.kind];
    const message = `${issue.url}: ${issue.detail}${issue.fix ? `. Fix: ${issue.fix}` : ''}`;
    for (const citation of issue.citations) {
      const where = `file=${escapeProperty(citation.article)}${citation.line ? `,line=${citation.line}` : ''}`;
      out.push(`::${level} ${where},title=${escapeProperty(`Link rot: ${TITLES[issue.kind]}`)}::${escapeData(message)}`);
    }
  };
  for (const [kind, issues] of sections(report, policyRuns)) if (ACTION.includes(kind)) issues.forEach(annotate);
  out.push(`::notice title=Link rot check::${escapeData(`${scopeLine(report)}: ${countsLine(report)}`)}`);
  return out.join('\n');
}

/** The report in `format`. */
export function formatReport(report: RunReport, format: Format, policyRuns = 3): string {
  switch (format) {
    case 'json':
      return formatJson(report, policyRuns);
    case 'markdown':
      return formatMarkdown(report, policyRuns);
    case 'github':
      return formatGithub(report, policyRuns);
    default:
      return formatText(report, policyRuns);
  }
}
