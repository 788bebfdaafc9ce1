/**
 * The pull-request summary as GitHub-flavoured Markdown. Everything taken
 * from an explainer is escaped: it cannot format the comment, inject HTML
 * or @-mention anyone (citations look like mentions: `[@e3-draft]`).
 */
import { isHttpUrl } from '../../schema/explainer.ts';
import type { Claim, ExplainerChange, SourceEntry, VersionSummary } from './changes.ts';

/** First line of the comment; CI finds its earlier comment by it and edits that instead of adding another. */
export const REPORT_MARKER = '<!-- explainer-report -->';

/** GitHub refuses comments over 65,536 characters; stay well under (counted in UTF-8 bytes, which is stricter). */
export const MAX_REPORT_LENGTH = 60_000;

/** Where the comparison started. */
export interface ReportBase {
  /** The ref as the user gave it. */
  ref: string;
  /** The commit compared with (the merge base). */
  commit: string;
}

/** Escape text so Markdown shows it literally, with no HTML and no @-mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A leading # - + = or "1." would start a heading or a list.
    .replace(/^[#+\-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // An empty HTML comment between @ and the name stops GitHub from linking a user or team.
    .replace(/@/g, '@<!-- -->');
}

/** Inline code that survives backticks inside. */
function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text.replace(/\s+/g, ' ')}${fence.split('').reverse().join('')}`;
}

const shorten = (text: string, max = 280) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function coverage(v: VersionSummary | undefined): string {
  if (!v?.coverage) return '–';
  const { claims, cited } = v.coverage;
  return `${cited}/${claims} (${claims ? Math.round((cited / claims) * 100) : 100}%)`;
}

/** ✅ only when nothing is left to fix: no error, no warning, no example source. */
function checkCell(c: ExplainerChange): string {
  const v = c.after;
  if (!v) return '–';
  if (v.errors) return `❌ ${v.errors} error${v.errors === 1 ? '' : 's'}`;
  if (c.examplePlaceholder) return '❌ example source';
  if (v.warnings) return `⚠️ ${v.warnings} warning${v.warnings === 1 ? '' : 's'}`;
  return '✅';
}

/** The explainer as editors know it: its headline, with the file after it. */
function headline(c: ExplainerChange): string {
  const title = c.after?.title ?? c.before?.title;
  return title ? `“${escapeMarkdown(shorten(title, 120))}”` : code(c.path);
}

/** Claims grouped under the section they stand in, as the reader meets them. */
function claimLines(claims: Claim[], limit: number): string[] {
  const out: string[] = [];
  let section: string | undefined;
  for (const claim of claims.slice(0, limit)) {
    if (claim.section !== section && claim.section) out.push(`**${escapeMarkdown(shorten(claim.section, 120))}**`, '');
    section = claim.section;
    out.push(`- ${escapeMarkdown(shorten(claim.text))}`);
  }
  if (claims.length > limit) out.push(`- … and ${claims.length - limit} more`);
  return out;
}

function sourceLine(s: SourceEntry): string {
  const title = escapeMarkdown(shorten(s.title ?? '(no title)', 160));
  const link = s.url && isHttpUrl(s.url) ? `[${title}](<${encodeURI(decodeURIComponentSafe(s.url)).replace(/[<>]/g, encodeURIComponent)}>)` : `${title}${s.url ? ` ${code(shorten(s.url, 120))}` : ''}`;
  return `- ${s.id ? `${code(s.id)}: ` : ''}${link}${s.publisher ? `, ${escapeMarkdown(s.publisher)}` : ''}`;
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function list<T>(title: string, items: T[], line: (item: T) => string, limit: number, open: boolean): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, limit).map(line);
  if (items.length > limit) shown.push(`- … and ${items.length - limit} more`);
  return details(title, items.length, shown, open);
}

function details(title: string, count: number, lines: string[], open: boolean): string[] {
  return [`<details${open ? ' open' : ''}><summary>${title} (${count})</summary>`, '', ...lines, '', '</details>', ''];
}

function section(c: ExplainerChange, limit: number): string[] {
  const file = c.status === 'renamed' ? `${code(c.from ?? '')} → ${code(c.path)}` : code(c.path);
  const out = [`### ${headline(c)} (${c.status})`, '', `File: ${file}`, ''];
  const summary = c.after?.summary ?? c.before?.summary;
  if (summary) out.push(`> ${escapeMarkdown(shorten(summary, 600))}`, '');
  const cov = (v: VersionSummary | undefined) => (v?.coverage ? `${coverage(v)} claims cited, ${v.coverage.sources} source${v.coverage.sources === 1 ? '' : 's'}` : '–');
  out.push(`**Coverage:** before ${cov(c.before)}; after ${cov(c.after)}`);
  if (c.after && (c.after.errors || c.after.warnings || c.examplePlaceholder)) {
    out.push('', `**Check:** ${checkCell(c)}; run ${code(`npm run check -- ${c.path}`)} for the lines and fixes.`);
  }
  if (c.examplePlaceholder) out.push('', `⚠️ **Still has the example source** from ${code('npm run new')}: replace it with a real source before merging.`);
  if (c.newPublishers.length) out.push('', `**New publishers** (first time the site cites them): ${c.newPublishers.map(escapeMarkdown).join(', ')}`);
  out.push('');
  out.push(...list('Sources added', c.sourcesAdded, sourceLine, limit, true));
  out.push(...list('Sources removed', c.sourcesRemoved, sourceLine, limit, true));
  if (limit > 0) {
    if (c.claimsAdded.length) out.push(...details('Claims added', c.claimsAdded.length, claimLines(c.claimsAdded, limit), true));
    if (c.claimsRemoved.length) out.push(...details('Claims removed', c.claimsRemoved.length, claimLines(c.claimsRemoved, limit), false));
    // The site's own interpretation, in full: what an editor most needs to read.
    out.push(...list('Analysis, new or rewritten', c.analysesAdded, (t) => t.split(/\n\n/).map((p) => `> ${escapeMarkdown(p)}`).join('\n>\n'), limit, true));
  } else if (c.claimsAdded.length + c.claimsRemoved.length) {
    out.push(`Claims: ${c.claimsAdded.length} added, ${c.claimsRemoved.length} removed (not listed: the report was too long).`, '');
  }
  return out;
}

function render(changes: ExplainerChange[], base: ReportBase, limit: number, sections = true, rows = changes.length): string {
  const out = [REPORT_MARKER, `## Explainer changes since ${code(base.ref)} (${code(base.commit.slice(0, 7))})`, ''];
  if (changes.length === 0) {
    out.push('No explainer changed.');
    return out.join('\n');
  }
  const counts = ['added', 'modified', 'renamed', 'deleted'].map((s) => [s, changes.filter((c) => c.status === s).length] as const).filter(([, n]) => n);
  out.push(`${changes.length} explainer${changes.length === 1 ? '' : 's'} changed: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}.`, '');
  out.push('| Explainer | Change | Claims | Coverage before → after | Sources | Check |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of changes.slice(0, rows)) {
    out.push(`| ${headline(c)} | ${c.status} | +${c.claimsAdded.length} −${c.claimsRemoved.length} | ${coverage(c.before)} → ${coverage(c.after)} | +${c.sourcesAdded.length} −${c.sourcesRemoved.length} | ${checkCell(c)} |`);
  }
  out.push('');
  if (rows < changes.length) out.push(`… and ${changes.length - rows} more explainers.`, '');
  const placeholders = changes.filter((c) => c.examplePlaceholder).length;
  if (placeholders) out.push(`⚠️ ${placeholders} explainer${placeholders === 1 ? ' still has' : 's still have'} the example source from ${code('npm run new')}.`, '');
  if (sections) for (const c of changes) out.push(...section(c, limit));
  else out.push(`Details left out to fit in a comment: run ${code(`npm run report -- --base ${base.ref}`)} for everything.`);
  return out.join('\n').trimEnd();
}

const fits = (text: string) => Buffer.byteLength(text) <= MAX_REPORT_LENGTH;

/**
 * The report in Markdown. To stay under GitHub's comment size limit, long
 * lists are cut first, then claim texts left out, then the per-explainer
 * details, and last the table's rows.
 */
export function formatMarkdown(changes: ExplainerChange[], base: ReportBase): string {
  for (const limit of [50, 10, 0]) {
    const text = render(changes, base, limit);
    if (fits(text)) return text;
  }
  const table = render(changes, base, 0, false);
  if (fits(table)) return table;
  let rows = changes.length;
  let text = table;
  while (rows > 0 && !fits(text)) {
    rows = Math.floor(rows * 0.8);
    text = render(changes, base, 0, false, rows);
  }
  return text;
}
