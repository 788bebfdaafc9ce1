/**
 * Topic pages: which explainers share a topic. Topics written with different
 * case or punctuation ("Peace talks", "peace-talks") share one page.
 */
import type { Explainer } from '../schema/explainer.ts';
import { byName, preferredName } from './collect.ts';
import { nameSlug, topicPath } from './paths.ts';

/** The least an explainer must have to be listed. */
export interface ListedExplainer {
  id: string;
  data: Pick<Explainer, 'title' | 'topics'>;
}

/** One topic and its explainers. */
export interface Topic<E extends ListedExplainer = ListedExplainer> {
  slug: string;
  name: string;
  path: string;
  /** In the order given (callers pass newest first). */
  explainers: E[];
}

/** Every topic used by `entries`, alphabetically; each explainer listed once per topic. */
export function buildTopics<E extends ListedExplainer>(entries: readonly E[]): Topic<E>[] {
  const groups = new Map<string, { names: string[]; explainers: E[] }>();
  for (const entry of entries) {
    for (const topic of entry.data.topics) {
      const slug = nameSlug(topic, 'topic');
      const group = groups.get(slug) ?? { names: [], explainers: [] };
      group.names.push(topic);
      if (!group.explainers.includes(entry)) group.explainers.push(entry);
      groups.set(slug, group);
    }
  }
  return [...groups]
    .map(([slug, { names, explainers }]) => {
      const name = preferredName(names);
      return { slug, name, path: topicPath(name), explainers };
    })
    .sort((a, b) => byName(a.name, b.name));
}

/** Topics with the most explainers first (ties alphabetical): the home page's order. */
export function topicsByCount<E extends ListedExplainer>(topics: readonly Topic<E>[]): Topic<E>[] {
  return [...topics].sort((a, b) => b.explainers.length - a.explainers.length || byName(a.name, b.name));
}
