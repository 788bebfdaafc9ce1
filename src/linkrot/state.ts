/**
 * The memory between runs: per-URL history in a JSON state file, the rule
 * that turns repeated failures into "rotten", and crash-safe writes.
 *
 * A URL is `rotten` after dead verdicts in at least `rottenRuns` runs in a
 * row, falling on at least `rottenDays` different (UTC) days. `ok` and
 * `redirected` end a failure streak; `transient` and `unverifiable` neither
 * extend nor end it (we learned nothing). A URL never seen alive whose check
 * says dead is `dead-on-arrival` at once.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LINK_CLASSES, type LinkClass, type Verdict } from './classify.ts';

/** The default state file, relative to the project folder. */
export const DEFAULT_STATE_PATH = '.linkrot/state.json';
/** Format version written into the file. */
export const STATE_VERSION = 1;
const HISTORY_LENGTH = 30;

/** When a failing URL becomes rotten. */
export interface RotPolicy {
  rottenRuns: number;
  rottenDays: number;
}

/** The default policy: 3 runs over 3 days. */
export const DEFAULT_POLICY: RotPolicy = { rottenRuns: 3, rottenDays: 3 };

/** What a URL's record says needs action. */
export type Problem = 'rotten' | 'dead-on-arrival';

/** Result of looking for a source's quote on its page. */
export interface QuoteCheck {
  status: 'found' | 'missing' | 'unchecked';
  reason?: string;
}

/** One run's verdict in the history. */
export interface HistoryEntry {
  at: string;
  class: LinkClass;
  status?: number;
}

/** Everything remembered about one URL. */
export interface UrlRecord {
  url: string;
  firstSeen: string;
  lastChecked: string;
  lastOk?: string;
  lastClass: LinkClass;
  lastStatus?: number;
  lastReason: string;
  finalUrl: string;
  /** For `redirected`: where it moved. */
  newUrl?: string;
  /** Dead verdicts in a row (transient and unverifiable runs skipped). */
  consecutiveFailures: number;
  failingSince?: string;
  /** Distinct UTC days (YYYY-MM-DD) with a dead verdict in the current streak. */
  failingDays: string[];
  problem?: Problem;
  /** Quote checks by quote text, from the last run that checked them. */
  quotes?: Record<string, QuoteCheck>;
  /** Last archive suggestion found. */
  archive?: { url: string; timestamp: string };
  history: HistoryEntry[];
}

/** The whole state file. */
export interface LinkrotState {
  version: number;
  updated: string;
  urls: Record<string, UrlRecord>;
}

/** A state file that cannot be used; the message says what to do. */
export class StateError extends Error {}

/** A state with no URLs. */
export function emptyState(now: Date): LinkrotState {
  return { version: STATE_VERSION, updated: now.toISOString(), urls: {} };
}

/** Parse and validate a state file's text; `path` is for messages. */
export function parseState(text: string, path: string): LinkrotState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new StateError(`${path} is not valid JSON (${cause instanceof Error ? cause.message : cause}). Move it aside to start a fresh history; it is left untouched.`);
  }
  const state = data as Partial<LinkrotState> | null;
  if (!state || typeof state !== 'object' || typeof state.urls !== 'object' || state.urls === null) {
    throw new StateError(`${path} is not a link-rot state file (no "urls" object). Point --state at the right file or move this one aside.`);
  }
  if (state.version !== STATE_VERSION) {
    throw new StateError(`${path} has state format version ${String(state.version)}; this tool reads version ${STATE_VERSION}.`);
  }
  for (const [url, record] of Object.entries(state.urls)) {
    if (!record || typeof record !== 'object' || !LINK_CLASSES.includes(record.lastClass) || typeof record.lastChecked !== 'string') {
      throw new StateError(`${path}: the entry for ${url} is damaged (no lastClass/lastChecked). Remove that entry or move the file aside.`);
    }
  }
  return state as LinkrotState;
}

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

/**
 * Write `state` to `path` atomically: a temporary file in the same folder,
 * flushed to disk, then renamed over the old one. A crash at any moment
 * leaves either the old file or the new one, never a torn one.
 */
export async function writeStateAtomic(path: string, state: LinkrotState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(state, null, 1)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // Make the rename itself durable where the platform allows it.
  const folder = await open(dirname(path), 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
  await removeStaleTemporaries(path);
}

/** Temporary files left by runs that were killed mid-write (over an hour old). */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
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

/** The record after one run's verdict on `url` at `now`. Pure. */
export function recordVerdict(previous: UrlRecord | undefined, url: string, verdict: Verdict, now: Date, policy: RotPolicy): UrlRecord {
  const at = now.toISOString();
  const record: UrlRecord = previous
    ? { ...previous, failingDays: [...previous.failingDays], history: [...previous.history] }
    : { url, firstSeen: at, lastChecked: at, lastClass: verdict.class, lastReason: '', finalUrl: url, consecutiveFailures: 0, failingDays: [], history: [] };
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
 * Merge state files (e.g. from shards): for each URL the most recently
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
