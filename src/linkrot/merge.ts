/**
 * Merging the state files of sharded runs (`--shard i/n` in a CI matrix)
 * into one, then reporting on the whole URL set from the merged history.
 */
import { access } from 'node:fs/promises';
import { collectTargets } from './extract.ts';
import { findingsFrom, type RunReport } from './run.ts';
import { StateError, type LinkrotState } from './state-file.ts';
import { loadState, mergeStates, writeStateAtomic, type RotPolicy } from './state.ts';

/** What a merge needs. */
export interface MergeOptions {
  /** Shard state files to merge. */
  inputs: string[];
  /** The combined state file; its current records take part in the merge. */
  statePath: string;
  contentDir: string;
  site?: string;
  policy: RotPolicy;
  /** The merge's date. */
  date: () => Date;
  write?: boolean;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Merge shard states into `statePath` and report on every cited URL. */
export async function mergeShardStates(options: MergeOptions): Promise<RunReport> {
  const started = performance.now();
  const now = options.date();
  const states: LinkrotState[] = [];
  for (const input of options.inputs) {
    if (!(await exists(input))) throw new StateError(`Shard state ${input} does not exist; check the artifact paths passed to --merge.`);
    states.push(await loadState(input, now));
  }
  if (await exists(options.statePath)) states.unshift(await loadState(options.statePath, now));
  const merged = mergeStates(states, now);
  const extraction = await collectTargets(options.contentDir, options.site ? { site: options.site } : {});
  if (options.write !== false) await writeStateAtomic(options.statePath, merged);
  const { findings, counts } = findingsFrom(merged, extraction.targets, options.policy);
  const missing = extraction.targets.length - findings.length;
  const warnings = [...extraction.warnings];
  if (missing > 0) warnings.push(`${missing} cited URL${missing === 1 ? ' is' : 's are'} in no shard state yet (not checked).`);
  return {
    startedAt: now.toISOString(),
    durationMs: performance.now() - started,
    articles: extraction.articles,
    counts,
    findings,
    warnings,
    statePath: options.statePath,
    exitCode: findings.some((f) => f.problem) ? 1 : 0,
  };
}
