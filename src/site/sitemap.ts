/**
 * `lastmod` for the sitemap: each explainer's page changes when the explainer
 * is updated (else published); the pages that list explainers (home, all
 * explainers, a topic, a publisher) change when the newest of them does.
 * Pages with no dated content (search, methodology) get no `lastmod` rather than a guess.
 */
import type { Explainer } from '../schema/explainer.ts';
import { isoDate } from './format.ts';
import { articlePath, publisherPath, topicPath } from './paths.ts';

/** What the dates are worked out from: published explainers only. */
export type DatedExplainer = { id: string; data: Pick<Explainer, 'published' | 'updated' | 'topics' | 'sources'> };

/** The day an explainer last changed. */
export const lastChanged = (data: Pick<Explainer, 'published' | 'updated'>): Date => data.updated ?? data.published;

/** Site path → the day that page last changed, for every page whose content has a date. */
export function lastModified(entries: readonly DatedExplainer[]): Map<string, Date> {
  const dates = new Map<string, Date>();
  const bump = (path: string, date: Date) => {
    const known = dates.get(path);
    if (!known || known < date) dates.set(path, date);
  };
  for (const { id, data } of entries) {
    const date = lastChanged(data);
    for (const path of ['/', '/explainers/', '/topics/', '/sources/', articlePath(id)]) bump(path, date);
    for (const topic of data.topics) bump(topicPath(topic), date);
    for (const source of data.sources) bump(publisherPath(source.publisher), date);
  }
  return dates;
}

/**
 * A sitemap `serialize` hook: adds `lastmod` (YYYY-MM-DD) to each URL whose
 * page has a date; `dates` is loaded once, on first use (after the build).
 */
export function withLastmod<T extends { url: string; lastmod?: string }>(dates: () => Promise<Map<string, Date>>): (item: T) => Promise<T> {
  let loaded: Promise<Map<string, Date>> | undefined;
  return async (item) => {
    loaded ??= dates();
    const date = (await loaded).get(new URL(item.url).pathname);
    return date ? { ...item, lastmod: isoDate(date) } : item;
  };
}
