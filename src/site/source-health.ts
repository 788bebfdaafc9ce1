/**
 * Source health on the page, from the link-rot watcher's state file, read
 * once at build time with the watcher's own reader (src/linkrot/state-file.ts),
 * so the site accepts exactly the format the watcher writes. A missing file,
 * or one that reader refuses (not JSON, no or an unknown version, a damaged
 * entry), means "no health shown", never a failed build.
 *
 * Per record: `problem` rotten or dead-on-arrival → broken; `lastClass`
 * redirected → changed; ok → changed when a quote is no longer on the page or
 * the page now lives elsewhere, else ok; anything else → unknown. A single
 * `dead` verdict is not shown: the watcher only calls a link gone once it is
 * rotten (dead in several runs on several days) or dead on arrival, and
 * readers get the same judgement.
 */
import { readFileSync } from 'node:fs';
import { setting } from '../config/env.ts';
import { parseState, type UrlRecord } from '../linkrot/state-file.ts';
import { normalizeUrl } from '../schema/url.ts';
import { formatDate } from './format.ts';

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

/** Health by URL key (`normalizeUrl`). */
export type HealthMap = ReadonlyMap<string, SourceHealth>;

/** Where the state file is looked for (setting `linkrotState`), relative to the working directory. */
export const statePath = (): string => setting('linkrotState');

/** Read the state file; an empty map when it is absent or the watcher's reader refuses it. */
export function readHealth(path: string = statePath()): HealthMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  return parseHealth(text, path);
}

/** Health from a state file's text; an empty map for anything but the watcher's format. */
export function parseHealth(text: string, path = 'state file'): HealthMap {
  let urls: Record<string, UrlRecord>;
  try {
    ({ urls } = parseState(text, path));
  } catch {
    return new Map();
  }
  return new Map(Object.entries(urls).map(([key, record]) => [key, toHealth(record)]));
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

const isHttp = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/[^/]/i.test(value);

function stateOf(record: UrlRecord, finalUrl: string | undefined): SourceHealth['state'] {
  if (record.problem) return 'broken';
  if (record.lastClass === 'redirected') return 'changed';
  if (record.lastClass !== 'ok') return 'unknown';
  const quoteMissing = Object.values(record.quotes ?? {}).some((quote) => quote.status === 'missing');
  const moved = finalUrl !== undefined && normalizeUrl(finalUrl) !== normalizeUrl(record.url);
  return quoteMissing || moved ? 'changed' : 'ok';
}

function toHealth(record: UrlRecord): SourceHealth {
  const finalUrl = [record.newUrl, record.finalUrl].find(isHttp);
  const checked = new Date(record.lastChecked);
  const archive = isHttp(record.archive?.url) ? record.archive.url : undefined;
  return {
    state: stateOf(record, finalUrl),
    ...(Number.isNaN(checked.getTime()) ? {} : { checked }),
    ...(record.lastStatus !== undefined ? { status: record.lastStatus } : {}),
    ...(finalUrl ? { finalUrl } : {}),
    ...(archive ? { archive } : {}),
  };
}

const loaded = new Map<string, HealthMap>();

/** `readHealth()` once per build (every article page asks for the same file). */
export function loadHealth(path: string = statePath()): HealthMap {
  let map = loaded.get(path);
  if (!map) loaded.set(path, (map = readHealth(path)));
  return map;
}
