/**
 * The link-rot state file's format, read by the watcher (`npm run linkrot`)
 * and by the site (source health): one schema, one reader, so both accept
 * exactly what the watcher writes and nothing else.
 *
 * `{ version, updated, urls: { "<URL key>": UrlRecord } }`, keyed by
 * `normalizeUrl` (src/schema/url.ts), the project's one URL key.
 *
 * Versions: 2 is written now. 1 (keyed by each URL as checked, before the
 * watcher and the site shared one key) is read and re-keyed; where two old
 * keys meet, the record checked last is kept. A file with no version, or one
 * with a version this code does not know, is refused: the watcher never wrote
 * one, so it is someone else's file.
 */
import { z } from 'astro/zod';
import { normalizeUrl, parseHttpUrl } from '../schema/url.ts';
import { LINK_CLASSES } from './classify.ts';

/** Format version written into the file. */
export const STATE_VERSION = 2;
/** Older versions this reader migrates. */
const OLDER_VERSIONS = [1];

const linkClass = z.enum(LINK_CLASSES);

const recordSchema = z.strictObject({
  /** The URL requested for this key (the first spelling cited). */
  url: z.string(),
  firstSeen: z.string(),
  lastChecked: z.string(),
  lastOk: z.string().optional(),
  lastClass: linkClass,
  lastStatus: z.number().int().optional(),
  lastReason: z.string().default(''),
  finalUrl: z.string(),
  /** For `redirected`: where it moved. */
  newUrl: z.string().optional(),
  /** Dead verdicts in a row (transient and unverifiable runs skipped). */
  consecutiveFailures: z.number().int().nonnegative().default(0),
  failingSince: z.string().optional(),
  /** Distinct UTC days (YYYY-MM-DD) with a dead verdict in the current streak. */
  failingDays: z.array(z.string()).default([]),
  problem: z.enum(['rotten', 'dead-on-arrival']).optional(),
  /** Quote checks by quote text, from the last run that checked them. */
  quotes: z.record(z.string(), z.strictObject({ status: z.enum(['found', 'missing', 'unchecked']), reason: z.string().optional() })).optional(),
  /** Last archive suggestion found. */
  archive: z.strictObject({ url: z.string(), timestamp: z.string() }).optional(),
  history: z.array(z.strictObject({ at: z.string(), class: linkClass, status: z.number().int().optional() })).default([]),
});

/** Everything remembered about one URL. */
export type UrlRecord = z.output<typeof recordSchema>;
/** What a record says needs action. */
export type Problem = NonNullable<UrlRecord['problem']>;
/** Result of looking for a source's quote on its page. */
export type QuoteCheck = NonNullable<UrlRecord['quotes']>[string];
/** One run's verdict in the history. */
export type HistoryEntry = UrlRecord['history'][number];

/** The whole state file. */
export interface LinkrotState {
  version: number;
  updated: string;
  urls: Record<string, UrlRecord>;
}

/** A state file that cannot be used; the message says what to do. */
export class StateError extends Error {}

const fileSchema = z.strictObject({ version: z.number(), updated: z.string(), urls: z.record(z.string(), z.unknown()) });

/** A state with no URLs. */
export function emptyState(now: Date): LinkrotState {
  return { version: STATE_VERSION, updated: now.toISOString(), urls: {} };
}

/** The text the writer stores for `state`. */
export function serializeState(state: LinkrotState): string {
  return `${JSON.stringify({ ...state, version: STATE_VERSION }, null, 1)}\n`;
}

function record(key: string, raw: unknown, path: string): UrlRecord {
  // Records written before a field existed lack it: fill what follows from the others.
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const url = typeof given.url === 'string' ? given.url : key;
  const parsed = recordSchema.safeParse({ url, firstSeen: given.lastChecked, finalUrl: url, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'the record';
  throw new StateError(`${path}: the entry for ${key} is damaged (${field}: ${issue?.message ?? 'unreadable'}). Remove that entry or move the file aside; it is left untouched.`);
}

/**
 * Parse and validate a state file's text (`path` is for messages), migrating
 * an older version. Throws {@link StateError} for anything else.
 */
export function parseState(text: string, path: string): LinkrotState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new StateError(`${path} is not valid JSON (${cause instanceof Error ? cause.message : cause}). Move it aside to start a fresh history; it is left untouched.`);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (version !== STATE_VERSION && !OLDER_VERSIONS.includes(version as number)) {
    const found = version === undefined ? 'has no format version' : `has state format version ${JSON.stringify(version)}`;
    throw new StateError(`${path} ${found}; npm run linkrot reads versions ${[...OLDER_VERSIONS, STATE_VERSION].join(' and ')} of its own state file. Point --state at the right file or move this one aside; it is left untouched.`);
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new StateError(`${path} is not a link-rot state file (it needs "version", "updated" and a "urls" object, and nothing else). Point --state at the right file or move this one aside; it is left untouched.`);
  }
  const urls: Record<string, UrlRecord> = {};
  for (const [written, raw] of Object.entries(file.data.urls)) {
    if (!parseHttpUrl(written)) throw new StateError(`${path}: the entry "${written}" is not an http(s) address. Remove that entry or move the file aside; it is left untouched.`);
    const entry = record(written, raw, path);
    const key = normalizeUrl(written);
    const kept = urls[key];
    if (!kept || entry.lastChecked > kept.lastChecked) urls[key] = entry;
  }
  return { version: STATE_VERSION, updated: file.data.updated, urls };
}
