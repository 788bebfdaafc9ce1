/**
 * What a run found, sorted into what needs action, what should be fixed and
 * what is only being watched, with the fix to suggest for each. Shared by
 * every report format.
 */
import type { Citation } from './extract.ts';
import type { Finding, RunReport } from './run.ts';

/** Kinds of issue a report lists. */
export type IssueKind = 'rotten' | 'dead-on-arrival' | 'redirected' | 'quote-missing' | 'failing' | 'unverifiable' | 'transient';

/** How loudly each kind is reported: `error` fails the run. */
export const SEVERITY: Record<IssueKind, 'error' | 'warning' | 'notice'> = {
  rotten: 'error',
  'dead-on-arrival': 'error',
  redirected: 'warning',
  'quote-missing': 'warning',
  failing: 'notice',
  unverifiable: 'notice',
  transient: 'notice',
};

/** Headings, in report order. */
export const TITLES: Record<IssueKind, string> = {
  rotten: 'Rotten',
  'dead-on-arrival': 'Dead on arrival',
  redirected: 'Moved permanently',
  'quote-missing': 'Quote no longer on the page',
  failing: 'Failing, not yet rotten',
  unverifiable: 'Unverifiable',
  transient: 'Temporarily failing',
};

/** One issue to report. */
export interface Issue {
  kind: IssueKind;
  url: string;
  /** What is wrong, in words. */
  detail: string;
  /** Who cites the URL (for quote issues: the citations with that quote). */
  citations: Citation[];
  /** Suggested frontmatter or text change, if any. */
  fix?: string;
}

/** `content/x.mdx:14 (source e3-draft)` */
export function describeCitation(citation: Citation): string {
  const where = `${citation.article}${citation.line ? `:${citation.line}` : ''}`;
  if (citation.field === 'body') return `${where} (link in the text)`;
  return `${where} (source ${citation.sourceId ?? '?'}${citation.field === 'archived' ? ', its archived copy' : ''})`;
}

function streak(finding: Finding): string {
  const { record } = finding;
  if (finding.problem === 'dead-on-arrival') return `${record.lastReason}; never seen alive since it was first checked on ${record.firstSeen.slice(0, 10)}`;
  const days = record.failingDays.length;
  const since = record.failingSince?.slice(0, 10);
  const alive = record.lastOk ? `; last seen alive ${record.lastOk.slice(0, 10)}` : '; never seen alive';
  return `${record.lastReason}; dead in ${record.consecutiveFailures} run${record.consecutiveFailures === 1 ? '' : 's'} on ${days} day${days === 1 ? '' : 's'} since ${since}${alive}`;
}

function archiveFix(finding: Finding): string | undefined {
  const snapshot = finding.record.archive;
  const needsArchived = finding.target.citations.some((c) => c.field === 'url' && !c.archived);
  if (snapshot && needsArchived) return `add to the source: archived: ${snapshot.url}`;
  if (snapshot) return `replace the link with the archived copy ${snapshot.url}`;
  return undefined;
}

function movedFix(citations: readonly Citation[], newUrl: string): string {
  const fields = new Set(citations.map((c) => c.field));
  const changes = [...fields].map((field) => (field === 'body' ? `update the link to ${newUrl}` : `${field}: ${newUrl}`));
  return changes.join('; ');
}

/** The issues of one finding. */
export function issuesOf(finding: Finding, policyRuns: number): Issue[] {
  const { record, target } = finding;
  const issues: Issue[] = [];
  const citations = target.citations;
  if (finding.problem) {
    const fix = archiveFix(finding) ?? (finding.problem === 'dead-on-arrival' ? 'check the URL for a typo, or cite another copy of the page' : 'cite another copy of the page (no archived snapshot found)');
    issues.push({ kind: finding.problem, url: target.url, detail: streak(finding), citations, fix });
  } else if (record.lastClass === 'dead') {
    issues.push({ kind: 'failing', url: target.url, detail: `${streak(finding)}; rotten after ${policyRuns} runs`, citations });
  } else if (record.lastClass === 'redirected' && record.newUrl) {
    issues.push({ kind: 'redirected', url: target.url, detail: record.lastReason, citations, fix: movedFix(citations, record.newUrl) });
  } else if (record.lastClass === 'unverifiable' || record.lastClass === 'transient') {
    issues.push({ kind: record.lastClass, url: target.url, detail: record.lastReason, citations });
  }
  for (const [quote, check] of Object.entries(record.quotes ?? {})) {
    if (check.status !== 'missing') continue;
    const quoting = citations.filter((c) => c.quote === quote);
    if (quoting.length === 0) continue;
    const snapshot = record.archive;
    const fix = snapshot && quoting.some((c) => !c.archived) ? `check the page; if it changed, add: archived: ${snapshot.url}` : 'check the page and update the quote or the source';
    issues.push({ kind: 'quote-missing', url: target.url, detail: `"${quote}" is no longer on the page`, citations: quoting, fix });
  }
  return issues;
}

/** All issues of a report grouped by kind, in report order, each sorted by URL. */
export function sections(report: RunReport, policyRuns = 3): Map<IssueKind, Issue[]> {
  const grouped = new Map<IssueKind, Issue[]>();
  for (const kind of Object.keys(TITLES) as IssueKind[]) grouped.set(kind, []);
  for (const finding of report.findings) for (const issue of issuesOf(finding, policyRuns)) grouped.get(issue.kind)?.push(issue);
  for (const list of grouped.values()) list.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return grouped;
}

/** `ok 10 · redirected 1 · dead 0 · unverifiable 2 · transient 0` */
export function countsLine(report: RunReport): string {
  return Object.entries(report.counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(' · ');
}

/** `12 URLs from 3 explainers (shard 1/4)` */
export function scopeLine(report: RunReport): string {
  const total = report.findings.length;
  const shard = report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : '';
  return `${total} URL${total === 1 ? '' : 's'} from ${report.articles} explainer${report.articles === 1 ? '' : 's'}${shard}`;
}
