/**
 * What an explainer page tells Pagefind about itself beyond its text:
 * metadata shown in results, filter values and the date to sort by.
 */
import type { Explainer } from '../schema/explainer.ts';
import { formatDate, isoDate } from '../site/format.ts';
import { typeset } from '../site/typography.ts';
import { DATE_SORT_KEY, type FilterKey } from './fields.ts';

/** Metadata, filters and sort keys for one article, as Pagefind stores them. */
export interface SearchRecord {
  meta: { title: string; summary: string; date: string; dateLabel: string };
  filters: Record<FilterKey, string[]>;
  sort: Record<typeof DATE_SORT_KEY, string>;
}

/** Unique values in first-seen order, compared after trimming and ignoring case. */
function unique(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const trimmed = value.trim();
    const key = trimmed.toLocaleLowerCase('en');
    if (trimmed && !seen.has(key)) seen.set(key, trimmed);
  }
  return [...seen.values()];
}

/**
 * The search record of an explainer. Publishers are those of its cited sources,
 * each once, so an article citing Reuters twice counts once under Reuters.
 * Headline and summary are typeset as the article shows them; filter values
 * stay as written, since they go into shareable URLs.
 */
export function searchRecord(data: Pick<Explainer, 'title' | 'summary' | 'published' | 'topics' | 'sources'>): SearchRecord {
  const date = isoDate(data.published);
  return {
    meta: { title: typeset(data.title), summary: typeset(data.summary), date, dateLabel: formatDate(data.published) },
    filters: {
      topic: unique(data.topics),
      year: [date.slice(0, 4)],
      publisher: unique(data.sources.map((source) => source.publisher)),
    },
    sort: { [DATE_SORT_KEY]: date },
  };
}

/** One hidden element per value: `<span data-pagefind-filter="topic">Iran</span>`. */
export interface TagAttributes {
  kind: 'meta' | 'filter' | 'sort';
  key: string;
  value: string;
}

/** Flatten a record into one tag per value, ready to render as empty elements. */
export function recordTags(record: SearchRecord): TagAttributes[] {
  return [
    ...Object.entries(record.meta).map(([key, value]) => ({ kind: 'meta' as const, key, value })),
    ...Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => ({ kind: 'filter' as const, key, value }))),
    ...Object.entries(record.sort).map(([key, value]) => ({ kind: 'sort' as const, key, value })),
  ];
}
