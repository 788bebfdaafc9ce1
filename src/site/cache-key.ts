/**
 * Cache keys for Astro's incremental builds: an article page may be reused
 * only when everything it shows is unchanged. Its MDX and frontmatter are
 * covered by the content layer's digest; the source-health notes come from
 * the link-rot state file, which the digest knows nothing about.
 */
import { healthOf, type HealthMap } from './source-health.ts';

/** What the key needs from an entry. */
interface KeyedEntry {
  digest?: string | number;
  data: { sources: ReadonlyArray<{ url: string }> };
}

/**
 * The article's cache key: its content digest plus the health of each of its
 * sources. Undefined (always render) when the loader gave no digest.
 */
export function articleCacheKey(entry: KeyedEntry, health: HealthMap): string | undefined {
  if (entry.digest === undefined) return undefined;
  const states = entry.data.sources.map((s) => {
    const h = healthOf(health, s.url);
    return h ? `${h.state}:${h.checked?.toISOString() ?? ''}:${h.archive ?? ''}:${h.finalUrl ?? ''}` : '-';
  });
  return `${entry.digest}|${states.join(',')}`;
}
