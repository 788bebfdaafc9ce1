/**
 * Archive suggestions: ask a Wayback-Machine-style availability endpoint for
 * the snapshot closest to a date. The endpoint is configurable (tests point
 * it at a local server); its answer looks like
 * `{"archived_snapshots":{"closest":{"available":true,"url":"…","timestamp":"20251119…","status":"200"}}}`.
 */
import { probe, type Gate, type HttpOptions } from './http.ts';

/** A snapshot to suggest. */
export interface Snapshot {
  url: string;
  /** `YYYYMMDDhhmmss` as the archive gives it. */
  timestamp: string;
}

interface Availability {
  archived_snapshots?: { closest?: { available?: boolean; url?: unknown; timestamp?: unknown; status?: unknown } };
}

/** Read an availability answer; undefined when there is no usable snapshot. */
export function parseAvailability(json: unknown): Snapshot | undefined {
  const closest = (json as Availability | null)?.archived_snapshots?.closest;
  if (!closest?.available || typeof closest.url !== 'string' || typeof closest.timestamp !== 'string') return undefined;
  if (closest.status !== undefined && !/^2\d\d$/.test(String(closest.status))) return undefined;
  if (!/^https?:\/\//.test(closest.url)) return undefined;
  // The archive answers with http:// links; readers should get https.
  const url = closest.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/');
  return { url, timestamp: closest.timestamp };
}

/**
 * The snapshot of `url` closest to `day` (YYYY-MM-DD), or undefined when
 * there is none or the endpoint fails (a suggestion is never worth a crash).
 */
export async function findSnapshot(url: string, day: string | undefined, options: HttpOptions & { endpoint: string; gate?: Gate }): Promise<Snapshot | undefined> {
  let query: URL;
  try {
    query = new URL(options.endpoint);
  } catch {
    return undefined;
  }
  query.searchParams.set('url', url);
  if (day) query.searchParams.set('timestamp', day.replaceAll('-', ''));
  const answer = await probe(query.href, 'GET', { ...options, wantBody: true, maxBodyBytes: Math.min(options.maxBodyBytes, 1_000_000) });
  if (answer.status !== 200 || !answer.body?.complete) return undefined;
  try {
    return parseAvailability(JSON.parse(new TextDecoder().decode(answer.body.bytes)));
  } catch {
    return undefined;
  }
}
