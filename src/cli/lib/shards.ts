/**
 * How many parallel jobs the scheduled link-rot check uses: one until the
 * site cites many URLs, then enough that each job checks about `perShard`.
 */
import { readFile } from 'node:fs/promises';
import { normalizeUrl } from '../../schema/url.ts';
import { readExplainer, writtenSources } from '../../schema/explainer-file.ts';

/** Sharding settings. */
export interface ShardOptions {
  /** URLs one job checks comfortably within the job time limit. */
  perShard: number;
  /** Upper bound on parallel jobs (politeness and runner minutes). */
  maxShards: number;
}

/** Defaults: one job up to 2,000 URLs, at most 16 jobs. */
export const DEFAULT_SHARDS: ShardOptions = { perShard: 2000, maxShards: 16 };

/** The `--shard` values for a URL count: `["1/1"]`, or `["1/3", "2/3", "3/3"]`. */
export function planShards(urls: number, { perShard, maxShards }: ShardOptions = DEFAULT_SHARDS): string[] {
  const n = Math.min(Math.max(1, Math.ceil(urls / Math.max(1, perShard))), Math.max(1, maxShards));
  return Array.from({ length: n }, (_, i) => `${i + 1}/${n}`);
}

/** Distinct source and archived URLs (by normalised URL) across explainer files. */
export async function countSourceUrls(files: string[]): Promise<number> {
  const urls = new Set<string>();
  for (const file of files) {
    for (const source of writtenSources(readExplainer(file, await readFile(file)))) {
      for (const url of [source.url, source.archived]) if (url) urls.add(normalizeUrl(url));
    }
  }
  return urls.size;
}
