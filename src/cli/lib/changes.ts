/**
 * What changed in one explainer between two versions, in the terms an
 * editor cares about: its headline and summary, claims by section, the
 * Analysis text, sources, coverage and publishers.
 */
import { parseArticle } from '../../checks/article.ts';
import { summarize } from '../../checks/analyze.ts';
import { severityOf } from '../../checks/report.ts';
import { checkArticle, type Coverage } from '../../checks/run.ts';
import { writtenSources, type WrittenSource } from '../../schema/explainer-file.ts';
import { normalizeUrl } from '../../schema/url.ts';
import { EXAMPLE_SOURCE_URL } from './scaffold.ts';

/** A source as written in frontmatter (fields may be missing or invalid). */
export type SourceEntry = WrittenSource;

/** A claim as an editor reads it: its text (a table row's cells joined by " · ") and its section. */
export interface Claim {
  text: string;
  section?: string;
}

/** One version of an explainer, summarised. */
export interface VersionSummary {
  title?: string;
  summary?: string;
  /** Each claim block, in order. */
  claims: Claim[];
  /** The text of each <Analysis> block, in order. */
  analyses: string[];
  sources: SourceEntry[];
  coverage?: Coverage;
  errors: number;
  warnings: number;
}

/** What changed in one explainer. */
export interface ExplainerChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Path now (or, for a deleted file, its last path). */
  path: string;
  /** Path before, when renamed. */
  from?: string;
  before?: VersionSummary;
  after?: VersionSummary;
  claimsAdded: Claim[];
  claimsRemoved: Claim[];
  /** Analysis blocks new or rewritten in this change. */
  analysesAdded: string[];
  sourcesAdded: SourceEntry[];
  sourcesRemoved: SourceEntry[];
  /** Publishers of added sources that no explainer cited at the base. */
  newPublishers: string[];
  /** True when the example source from `npm run new` is still there. */
  examplePlaceholder: boolean;
}

/** The sources list of parsed frontmatter data (the one reader's). */
export const sourcesOf = (data: unknown): SourceEntry[] => writtenSources({ data });

/** Summarise one version of an explainer with the same parser and checks as `npm run check`. */
export function summarizeVersion(path: string, contents: string | Uint8Array, now?: Date): VersionSummary {
  const article = parseArticle(path, contents);
  const result = checkArticle(article, { now });
  const body = article.tree ? summarize(article.tree, article.source.text, article.source.place) : undefined;
  const claims = (body?.claims ?? []).map(({ text, section }) => (section ? { text, section } : { text }));
  const data = (article.source.data ?? {}) as { title?: unknown; summary?: unknown };
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const count = (severity: string) => result.file.messages.filter((m) => severityOf(m) === severity).length;
  return {
    title: str(data.title),
    summary: str(data.summary),
    claims,
    analyses: (body?.analyses ?? []).map((a) => a.text).filter(Boolean),
    sources: sourcesOf(article.source.data),
    coverage: result.coverage,
    errors: count('error'),
    warnings: count('warning'),
  };
}

/** How sources are matched between versions: by normalised URL, else by id. */
export function sourceKey(source: SourceEntry): string {
  return source.url ? `url:${normalizeUrl(source.url)}` : `id:${source.id ?? JSON.stringify(source.raw)}`;
}

/** Items of `a` not in `b`, counting repeats (a claim written twice and removed once is one removal). */
function minus<T>(a: T[], b: T[], key: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(key(item), (left.get(key(item)) ?? 0) + 1);
  return a.filter((item) => {
    const n = left.get(key(item)) ?? 0;
    if (n > 0) left.set(key(item), n - 1);
    return n === 0;
  });
}

/** Publisher names compare without case or surrounding space. */
export const publisherKey = (name: string) => name.trim().toLowerCase();

/**
 * Compare two versions of an explainer. `knownPublishers` holds the
 * {@link publisherKey} of every publisher cited anywhere at the base.
 */
export function compareVersions(
  change: { status: ExplainerChange['status']; path: string; from?: string },
  before: VersionSummary | undefined,
  after: VersionSummary | undefined,
  knownPublishers: ReadonlySet<string>,
): ExplainerChange {
  const same = (s: string) => s;
  const claimKey = (c: Claim) => c.text;
  const sourcesAdded = minus(after?.sources ?? [], before?.sources ?? [], sourceKey);
  const newPublishers = new Map<string, string>();
  for (const source of sourcesAdded) {
    if (source.url === EXAMPLE_SOURCE_URL) continue;
    if (source.publisher && !knownPublishers.has(publisherKey(source.publisher))) newPublishers.set(publisherKey(source.publisher), source.publisher);
  }
  return {
    ...change,
    before,
    after,
    claimsAdded: minus(after?.claims ?? [], before?.claims ?? [], claimKey),
    claimsRemoved: minus(before?.claims ?? [], after?.claims ?? [], claimKey),
    analysesAdded: minus(after?.analyses ?? [], before?.analyses ?? [], same),
    sourcesAdded,
    sourcesRemoved: minus(before?.sources ?? [], after?.sources ?? [], sourceKey),
    newPublishers: [...newPublishers.values()],
    examplePlaceholder: (after?.sources ?? []).some((s) => s.url === EXAMPLE_SOURCE_URL),
  };
}
