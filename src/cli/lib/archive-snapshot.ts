/**
 * `npm run new -- --source <url> --archive`: ask a Save-Page-Now-style
 * endpoint to archive the page and return the snapshot's address.
 * The Wayback Machine answers `GET https://web.archive.org/save/<url>` by
 * redirecting to the new snapshot (`/web/20251124093000/<url>`) or naming it
 * in a `Content-Location` header; any endpoint that answers that way works
 * (tests use one on 127.0.0.1). A failure is a plain reason, never an exception.
 */
import { follow, inSeconds, type FetchLimits } from './fetch-page.ts';

/** The Wayback Machine's Save Page Now address; the page's address is appended to it. */
export const DEFAULT_SAVE_ENDPOINT = 'https://web.archive.org/save/';

/** Saving takes the archive a while: give it longer than reading a page. */
export const DEFAULT_ARCHIVE_TIMEOUT_MS = 60_000;

/** A snapshot address: `/web/` and a timestamp of 8 to 14 digits (with an optional `id_`-style flag). */
const SNAPSHOT = /\/web\/\d{8,14}(?:[a-z]{2}_)?\/./;

/** The outcome of asking for a snapshot. */
export type SnapshotResult = { ok: true; url: string } | { ok: false; reason: string; detail?: string };

/** An archive address readers can open: absolute, http(s), and https for the Wayback Machine. */
function snapshotUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !SNAPSHOT.test(url.pathname + url.search)) return undefined;
  if (url.hostname === 'web.archive.org') url.protocol = 'https:';
  return url.href;
}

/** Ask `endpoint` (a prefix such as {@link DEFAULT_SAVE_ENDPOINT}) to archive `pageUrl`. */
export async function saveSnapshot(pageUrl: string, endpoint: string, limits: FetchLimits): Promise<SnapshotResult> {
  const request = `${endpoint}${pageUrl}`;
  if (!/^https?:\/\//i.test(endpoint)) return { ok: false, reason: 'the archive address is not a web address', detail: `--archive-endpoint ${endpoint}` };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const followed = await follow(request, limits, controller.signal, '*/*', (location) => snapshotUrl(location, request) !== undefined);
    if (!followed.ok) return { ok: false, reason: followed.reason, ...(followed.detail ? { detail: followed.detail } : {}) };
    const { response } = followed;
    await response.body?.cancel().catch(() => undefined);
    const found = [...followed.locations, response.headers.get('content-location')].map((l) => snapshotUrl(l, followed.url)).find(Boolean);
    if (found) return { ok: true, url: found };
    if (response.status >= 400) return { ok: false, reason: `the archive answered with error ${response.status}`, detail: `HTTP ${response.status} from ${followed.url}` };
    return { ok: false, reason: 'the archive did not say where the copy is', detail: `HTTP ${response.status} from ${followed.url}, no snapshot address in Location or Content-Location` };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: `the archive did not answer within ${inSeconds(limits.timeoutMs)}` };
    return { ok: false, reason: 'could not reach the archive', detail: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
