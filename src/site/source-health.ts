/**
 * Source health on the page, from the link checker's state file (issue 4),
 * read once at build time. The reader is deliberately tolerant: a missing,
 * unreadable or unfamiliar file means "no health shown", never a failed build.
 *
 * The link checker's own format (`src/linkrot/state.ts`) is read as written:
 * `{ version, updated, urls: { "<normalised url>": { lastClass, lastChecked,
 * lastStatus, finalUrl, newUrl?, problem?, quotes?, archive? } } }`, where
 * `lastClass` is ok | redirected | dead | transient | unverifiable and
 * `problem` is rotten | dead-on-arrival. A single `dead` verdict is not shown:
 * the checker only calls a link gone once it is rotten (dead in several runs
 * on several days) or dead on arrival, and readers get the same judgement.
 *
 * Other accepted file shapes (JSON):
 * - `{ "<url>": Record, ... }` (keyed by URL, other top-level keys ignored),
 * - `{ "urls" | "entries" | "links" | "results" | "sources": { "<url>": Record } }`,
 * - the same containers holding an array of Records that carry their own `url`.
 * A Record may use any of these fields (first one present wins):
 * - status code or word: `lastStatus`, `status`, `statusCode`, `httpStatus`
 * - verdict: `lastClass`, `classification`, `state`, `result`, `health`; `problem`
 * - when: `lastChecked`, `checkedAt`, `lastCheckedAt`, `checked` (ISO string or epoch ms)
 * - where it ended up: `newUrl`, `finalUrl`, `redirectedTo`, `redirectUrl`, `location`
 * - `contentChanged` / `changed` (boolean), or a `quotes` entry with status
 *   `missing`: the page differs from when it was cited
 * - `archive: { url }`: an archived copy the checker found (used when the
 *   source has no `archived` of its own).
 */
import { readFileSync } from 'node:fs';
import { formatDate } from './format.ts';
import { normalizeUrl } from '../schema/url.ts';

/** What the site tells readers about one source link. */
export interface SourceHealth {
  /** ok: online as cited; changed: redirected or edited; broken: gone; unknown: could not tell. */
  state: 'ok' | 'changed' | 'broken' | 'unknown';
  checked?: Date;
  status?: number;
  finalUrl?: string;
  /** An archived copy suggested by the checker. */
  archive?: string;
}

/** Health by normalised source URL. */
export type HealthMap = ReadonlyMap<string, SourceHealth>;

/** Where the state file is looked for: env `LINKROT_STATE`, else `.linkrot/state.json` in the working directory. */
export const statePath = (): string => process.env.LINKROT_STATE || '.linkrot/state.json';

const OK = new Set(['ok', 'alive', 'healthy', 'live', 'working', 'valid', 'pass', 'passed', 'up']);
const CHANGED = new Set(['changed', 'content-changed', 'redirect', 'redirected', 'moved', 'drifted', 'modified']);
const BROKEN = new Set(['broken', 'dead', 'gone', 'not-found', 'notfound', '404', 'missing', 'soft-404']);
const CONTAINERS = ['urls', 'entries', 'links', 'results', 'sources'];

/** Read and parse the state file; an empty map when it is absent, unreadable or not JSON. */
export function readHealth(path: string = statePath()): HealthMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    return parseHealth(JSON.parse(text));
  } catch {
    return new Map();
  }
}

/** Turn a parsed state file of any accepted shape into a health map; unknown shapes give an empty map. */
export function parseHealth(json: unknown): HealthMap {
  const map = new Map<string, SourceHealth>();
  if (!isObject(json) && !Array.isArray(json)) return map;
  const container = isObject(json) ? (CONTAINERS.map((k) => json[k]).find((v) => isObject(v) || Array.isArray(v)) ?? json) : json;
  const pairs: Array<[unknown, unknown]> = Array.isArray(container)
    ? container.map((record) => [isObject(record) ? record.url : undefined, record])
    : Object.entries(container).map(([key, record]) => [isObject(record) && typeof record.url === 'string' ? record.url : key, record]);
  for (const [url, record] of pairs) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || !isObject(record)) continue;
    map.set(normalizeUrl(url), toHealth(url, record));
  }
  return map;
}

/** Health of a source URL, or undefined when the checker has no record of it. */
export function healthOf(map: HealthMap, url: string): SourceHealth | undefined {
  return map.get(normalizeUrl(url));
}

/** The line readers see under a source, or undefined when there is nothing worth saying. */
export interface HealthNote {
  state: 'ok' | 'changed' | 'broken';
  text: string;
  /** Point readers at the archived copy (there is one and the original is not as cited). */
  useArchive: boolean;
  /** The checker's archived copy, to link when the source has none of its own. */
  archiveUrl?: string;
}

/**
 * Reader-facing wording for a source's health. `unknown` (timeouts, blocked
 * checks) says nothing: a transient failure is not news for readers.
 */
export function describeHealth(health: SourceHealth | undefined, hasArchive: boolean): HealthNote | undefined {
  if (!health || health.state === 'unknown') return undefined;
  const when = health.checked ? ` (checked ${formatDate(health.checked)})` : '';
  if (health.state === 'ok') return { state: 'ok', text: `Link working${when}.`, useArchive: false };
  const archiveUrl = hasArchive ? undefined : health.archive;
  const useArchive = hasArchive || archiveUrl !== undefined;
  const text = health.state === 'changed'
    ? `May have changed since cited${when}.${useArchive ? ' Compare the archived copy.' : ''}`
    : `Original no longer available${when}.${useArchive ? ' Read the archived copy.' : ''}`;
  return { state: health.state, text, useArchive, ...(archiveUrl ? { archiveUrl } : {}) };
}

function toHealth(url: string, record: Record<string, unknown>): SourceHealth {
  const rawStatus = pick(record, ['lastStatus', 'status', 'statusCode', 'httpStatus']);
  const status = typeof rawStatus === 'number' ? rawStatus : typeof rawStatus === 'string' && /^\d{3}$/.test(rawStatus) ? Number(rawStatus) : undefined;
  const verdictRaw = pick(record, ['lastClass', 'classification', 'state', 'result', 'health']) ?? (status === undefined ? rawStatus : undefined);
  const verdict = typeof verdictRaw === 'string' ? verdictRaw.trim().toLowerCase().replace(/[\s_]+/g, '-') : undefined;
  const finalRaw = pick(record, ['newUrl', 'finalUrl', 'redirectedTo', 'redirectUrl', 'location']);
  const finalUrl = isHttp(finalRaw) ? finalRaw : undefined;
  const quotes = record.quotes;
  const quoteMissing = isObject(quotes) && Object.values(quotes).some((q) => isObject(q) && q.status === 'missing');
  const changed = pick(record, ['contentChanged', 'changed']) === true || quoteMissing;
  const moved = finalUrl !== undefined && normalizeUrl(finalUrl) !== normalizeUrl(url);
  const archive = isObject(record.archive) && isHttp(record.archive.url) ? record.archive.url : undefined;

  let state: SourceHealth['state'] = 'unknown';
  if (record.problem === 'rotten' || record.problem === 'dead-on-arrival') state = 'broken';
  // The checker's own format: one dead run is not yet "gone" (see the file comment).
  else if ('lastClass' in record && verdict === 'dead') state = 'unknown';
  else if (verdict !== undefined && BROKEN.has(verdict)) state = 'broken';
  else if (verdict !== undefined && CHANGED.has(verdict)) state = 'changed';
  else if (verdict !== undefined && OK.has(verdict)) state = changed || moved ? 'changed' : 'ok';
  else if (verdict === undefined && status !== undefined) {
    if (status === 404 || status === 410) state = 'broken';
    else if (status >= 300 && status < 400) state = 'changed';
    else if (status >= 200 && status < 300) state = changed || moved ? 'changed' : 'ok';
  }
  const checked = toDate(pick(record, ['lastChecked', 'checkedAt', 'lastCheckedAt', 'checked']));
  return { state, ...(checked ? { checked } : {}), ...(status !== undefined ? { status } : {}), ...(finalUrl ? { finalUrl } : {}), ...(archive ? { archive } : {}) };
}

function isHttp(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^/]/i.test(value);
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const loaded = new Map<string, HealthMap>();

/** `readHealth()` once per build (every article page asks for the same file). */
export function loadHealth(path: string = statePath()): HealthMap {
  let map = loaded.get(path);
  if (!map) loaded.set(path, (map = readHealth(path)));
  return map;
}
