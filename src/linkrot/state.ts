/**
 * The memory between runs: per-URL history in a JSON state file (format in
 * ./state-file.ts), the rule that turns repeated failures into "rotten", and
 * crash-safe writes.
 *
 * A URL is `rotten` after dead verdicts in at least `rottenRuns` runs in a
 * row, falling on at least `rottenDays` different (UTC) days. `ok` and
 * `redirected` end a failure streak; `transient` and `unverifiable` neither
 * extend nor end it (we learned nothing). A URL never seen alive whose check
 * says dead is `dead-on-arrival` at once.
 */
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Verdict } from './classify.ts';
import { SETTINGS } from './settings.ts';
import { emptyState, parseState, serializeState, StateError, type LinkrotState, type Problem, type UrlRecord } from './state-file.ts';

const HISTORY_LENGTH = 30;

/** When a failing URL becomes rotten. */
export interface RotPolicy {
  rottenRuns: number;
  rottenDays: number;
}

/** The default policy (./settings.ts): 3 runs over 3 days. */
export const DEFAULT_POLICY: RotPolicy = { rottenRuns: SETTINGS.rottenRuns.value, rottenDays: SETTINGS.rottenDays.value };

/** Load the state at `path`; a missing file is an empty history. */
export async function loadState(path: string, now: Date): Promise<LinkrotState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState(now);
    throw new StateError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  return parseState(text, path);
}

/** Test hook: called once the temporary file exists, before the state is written into it. */
export type TemporaryHook = (temporary: string) => void | Promise<void>;

/**
 * Write `state` to `path` atomically (write-file-atomic: a temporary file in
 * the same folder, flushed to disk, then renamed over the old one). A crash
 * at any moment leaves either the old file or the new one, never a torn one.
 */
export async function writeStateAtomic(path: string, state: LinkrotState, onTemporary?: TemporaryHook): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, serializeState(state), onTemporary ? { tmpfileCreated: onTemporary } : {});
  // Make the rename itself durable where the platform allows it.
  const folder = await open(dirname(path), 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
  await removeStaleTemporaries(path);
}

/** Temporary files (`state.json.<number>`) left by runs killed mid-write, over an hour old. */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const file = join(dirname(path), name);
    const age = Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > 3600_000) await rm(file, { force: true });
  }
}

/** What a record says needs action under `policy`. */
export function problemOf(record: Pick<UrlRecord, 'consecutiveFailures' | 'lastOk' | 'failingDays'>, policy: RotPolicy): Problem | undefined {
  if (record.consecutiveFailures === 0) return undefined;
  if (!record.lastOk) return 'dead-on-arrival';
  return record.consecutiveFailures >= policy.rottenRuns && record.failingDays.length >= policy.rottenDays ? 'rotten' : undefined;
}

/** The record after one run's verdict on `url` (the URL requested) at `now`. Pure. */
export function recordVerdict(previous: UrlRecord | undefined, url: string, verdict: Verdict, now: Date, policy: RotPolicy): UrlRecord {
  const at = now.toISOString();
  const record: UrlRecord = previous
    ? { ...previous, failingDays: [...previous.failingDays], history: [...previous.history] }
    : { url, firstSeen: at, lastChecked: at, lastClass: verdict.class, lastReason: '', finalUrl: url, consecutiveFailures: 0, failingDays: [], history: [] };
  record.url = url;
  record.lastChecked = at;
  record.lastClass = verdict.class;
  record.lastReason = verdict.reason;
  record.finalUrl = verdict.finalUrl;
  if (verdict.status === undefined) delete record.lastStatus;
  else record.lastStatus = verdict.status;
  if (verdict.newUrl) record.newUrl = verdict.newUrl;
  else delete record.newUrl;
  if (verdict.class === 'ok' || verdict.class === 'redirected') {
    record.lastOk = at;
    record.consecutiveFailures = 0;
    record.failingDays = [];
    delete record.failingSince;
  } else if (verdict.class === 'dead') {
    record.consecutiveFailures++;
    record.failingSince ??= at;
    const day = at.slice(0, 10);
    if (!record.failingDays.includes(day)) record.failingDays = [...record.failingDays, day].slice(-60);
  }
  record.history = [...record.history, { at, class: verdict.class, ...(verdict.status === undefined ? {} : { status: verdict.status }) }].slice(-HISTORY_LENGTH);
  const problem = problemOf(record, policy);
  if (problem) record.problem = problem;
  else delete record.problem;
  return record;
}

/**
 * Merge state files (e.g. from shards): for each URL key the most recently
 * checked record wins.
 */
export function mergeStates(states: readonly LinkrotState[], now: Date): LinkrotState {
  const merged = emptyState(now);
  for (const state of states) {
    for (const [url, record] of Object.entries(state.urls)) {
      const current = merged.urls[url];
      if (!current || record.lastChecked > current.lastChecked) merged.urls[url] = record;
    }
  }
  return merged;
}
