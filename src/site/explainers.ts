/** Queries over the explainers collection that pages share. */
import { getCollection, type CollectionEntry } from 'astro:content';

/** An explainer entry from the content collection. */
export type ExplainerEntry = CollectionEntry<'explainers'>;

/** Newest first by publication date, then by title for a stable order. */
export function byNewest(a: ExplainerEntry, b: ExplainerEntry): number {
  return b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title);
}

/** Published (non-draft) explainers, newest first. */
export async function getExplainers(): Promise<ExplainerEntry[]> {
  const entries = await getCollection('explainers', (entry) => !entry.data.draft);
  return entries.sort(byNewest);
}

/** The public path of an explainer page. */
export function explainerPath(entry: Pick<ExplainerEntry, 'id'>): string {
  return `/explainers/${entry.id}/`;
}
