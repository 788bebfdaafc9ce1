/**
 * The site's sources: every distinct source (by normalised URL) with the
 * explainers that cite it, grouped by publisher for `/sources/` (the
 * publishers) and `/sources/<publisher>/` (each publisher's sources).
 */
import type { Explainer, Source } from '../schema/explainer.ts';
import { sourceAnchor } from '../citations/markers.ts';
import { byName, preferredName } from './collect.ts';
import { articlePath, nameSlug, publisherPath } from './paths.ts';
import { normalizeUrl } from '../schema/url.ts';

/** The least an explainer must have to be indexed. */
export interface IndexableExplainer {
  id: string;
  data: Pick<Explainer, 'title' | 'published' | 'sources'>;
}

/** One explainer citing a source, and where on its page the source is listed. */
export interface Citing {
  id: string;
  title: string;
  published: Date;
  /** Link to the source's entry in that explainer's Sources list. */
  href: string;
}

/** One distinct source across the site. */
export interface IndexedSource {
  /** Normalised URL: the identity of the source. */
  key: string;
  url: string;
  title: string;
  publisher: string;
  publisherSlug: string;
  type?: Source['type'];
  archived?: string;
  /** Newest first. */
  citedBy: Citing[];
}

/** One publisher and its sources. */
export interface PublisherGroup {
  slug: string;
  name: string;
  path: string;
  sources: IndexedSource[];
  /** Distinct explainers citing any of its sources. */
  explainerCount: number;
}

/**
 * Every distinct source cited by `entries`. Title, type and URL come from the
 * newest citing explainer (the most recent wording); the archived copy from
 * the newest one that has it. Sorted by publisher, then title.
 */
export function buildSourceIndex(entries: readonly IndexableExplainer[]): IndexedSource[] {
  const newestFirst = [...entries].sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
  const byKey = new Map<string, { sources: Source[]; citedBy: Citing[] }>();
  for (const entry of newestFirst) {
    for (const source of entry.data.sources) {
      const key = normalizeUrl(source.url);
      const group = byKey.get(key) ?? { sources: [], citedBy: [] };
      group.sources.push(source);
      if (!group.citedBy.some((c) => c.id === entry.id)) {
        group.citedBy.push({ id: entry.id, title: entry.data.title, published: entry.data.published, href: `${articlePath(entry.id)}#${sourceAnchor(source.id)}` });
      }
      byKey.set(key, group);
    }
  }
  const index: IndexedSource[] = [];
  for (const [key, { sources, citedBy }] of byKey) {
    const [first] = sources as [Source, ...Source[]];
    const publisher = preferredName(sources.map((s) => s.publisher));
    index.push({
      key,
      url: first.url,
      title: first.title,
      publisher,
      publisherSlug: nameSlug(publisher, 'publisher'),
      type: sources.find((s) => s.type)?.type,
      archived: sources.find((s) => s.archived)?.archived,
      citedBy,
    });
  }
  return index.sort((a, b) => byName(a.publisherSlug, b.publisherSlug) || byName(a.title, b.title));
}

/**
 * Sources grouped by publisher; publishers spelt differently but with the
 * same slug ("Reuters", "reuters") are one group, named by the spelling most
 * citations use. Alphabetical.
 */
export function groupByPublisher(index: readonly IndexedSource[]): PublisherGroup[] {
  const groups = new Map<string, IndexedSource[]>();
  for (const source of index) {
    const group = groups.get(source.publisherSlug);
    // Appending in place: copying the group for each source was quadratic in a publisher's sources.
    if (group) group.push(source);
    else groups.set(source.publisherSlug, [source]);
  }
  return [...groups]
    .map(([slug, sources]) => {
      // The spelling used by the most citations names the publisher.
      const name = preferredName(sources.flatMap((s) => s.citedBy.map(() => s.publisher)));
      const explainerCount = new Set(sources.flatMap((s) => s.citedBy.map((c) => c.id))).size;
      return { slug, name, path: publisherPath(name), sources, explainerCount };
    })
    .sort((a, b) => byName(a.name, b.name));
}
