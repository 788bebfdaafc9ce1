/**
 * Reading source health from the link-rot state file, for pages that show
 * readers whether a source is still online. Small on purpose: no network,
 * never throws, and a missing or unreadable file simply means "unknown".
 */
import { readFile } from 'node:fs/promises';
import { normaliseUrl } from './normalise.ts';

/** Health of one URL as the last run saw it. */
export interface SourceHealth {
  /** `ok`, `redirected`, `dead`, `unverifiable`, `transient`, or the problems `rotten` / `dead-on-arrival`. */
  status: 'ok' | 'redirected' | 'dead' | 'unverifiable' | 'transient' | 'rotten' | 'dead-on-arrival';
  /** ISO time of the last check. */
  lastChecked: string;
  /** ISO time it last answered, if ever. */
  lastOk?: string;
  /** Where it moved, for `redirected`. */
  newUrl?: string;
  /** For quotes checked on the page: true when at least one is gone. */
  quoteMissing?: boolean;
}

/** A loaded state: look a URL up in any spelling. */
export interface LinkrotHealth {
  /** ISO time of the last run. */
  updated: string;
  /** Health of `url`, or undefined when it was never checked. */
  get: (url: string) => SourceHealth | undefined;
}

interface RawRecord {
  lastClass?: unknown;
  lastChecked?: unknown;
  lastOk?: unknown;
  newUrl?: unknown;
  problem?: unknown;
  quotes?: Record<string, { status?: unknown }>;
}

const CLASSES = new Set(['ok', 'redirected', 'dead', 'unverifiable', 'transient']);

/** Read the state file at `path`; undefined when it is missing or unreadable. */
export async function readLinkrotState(path: string): Promise<LinkrotHealth | undefined> {
  let data: { updated?: unknown; urls?: Record<string, RawRecord> };
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  const urls = data && typeof data === 'object' && data.urls && typeof data.urls === 'object' ? data.urls : undefined;
  if (!urls) return undefined;
  return {
    updated: typeof data.updated === 'string' ? data.updated : '',
    get: (url) => {
      const key = normaliseUrl(url);
      const record = key ? urls[key] : undefined;
      if (!record || typeof record.lastClass !== 'string' || !CLASSES.has(record.lastClass) || typeof record.lastChecked !== 'string') return undefined;
      const problem = record.problem === 'rotten' || record.problem === 'dead-on-arrival' ? record.problem : undefined;
      const quoteMissing = Object.values(record.quotes ?? {}).some((q) => q?.status === 'missing');
      return {
        status: problem ?? (record.lastClass as SourceHealth['status']),
        lastChecked: record.lastChecked,
        ...(typeof record.lastOk === 'string' ? { lastOk: record.lastOk } : {}),
        ...(typeof record.newUrl === 'string' ? { newUrl: record.newUrl } : {}),
        ...(quoteMissing ? { quoteMissing } : {}),
      };
    },
  };
}
