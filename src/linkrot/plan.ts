/**
 * Planning a run: which shard checks a host, and in what order URLs are
 * taken so hosts take turns.
 */
import type { Target } from './extract.ts';
import { hostKey } from './scheduler.ts';

/** Stable shard of a host (FNV-1a), 1-based. */
export function shardOfHost(host: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) hash = Math.imul(hash ^ host.charCodeAt(i), 0x01000193) >>> 0;
  return (hash % count) + 1;
}

/** Targets reordered so hosts take turns: a, b, c, a, b, a… */
export function interleaveByHost(targets: readonly Target[]): Target[] {
  const byHost = new Map<string, Target[]>();
  for (const target of targets) {
    const host = hostKey(target.url);
    const list = byHost.get(host);
    if (list) list.push(target);
    else byHost.set(host, [target]);
  }
  const lists = [...byHost.values()];
  const ordered: Target[] = [];
  for (let round = 0; ordered.length < targets.length; round++) {
    for (const list of lists) if (round < list.length) ordered.push(list[round] as Target);
  }
  return ordered;
}
