/**
 * One bounded fetch of a web page for `npm run new -- --source <url>`:
 * http(s) only, redirects followed by hand a few times (never to another kind
 * of address), one timer for connection, redirects and body together, and a
 * cap on the bytes read. Never throws: every failure becomes a plain reason.
 */

/** Limits for one fetch. */
export interface FetchLimits {
  /** Give up after this many ms, body included. */
  timeoutMs: number;
  /** Refuse a body larger than this many bytes (after decompression). */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** Defaults: enough for any real article page, small enough to answer within seconds. */
export const DEFAULT_LIMITS: Omit<FetchLimits, 'userAgent'> = { timeoutMs: 10_000, maxBytes: 3_000_000, maxRedirects: 5 };

/** Why a page could not be read, in words a writer understands, plus the technical detail for developers. */
export interface FetchFailure {
  ok: false;
  kind: 'not-web-address' | 'timeout' | 'no-such-site' | 'unreachable' | 'http-error' | 'not-html' | 'too-large' | 'redirect-loop' | 'too-many-redirects' | 'bad-redirect';
  /** Plain words, e.g. "timed out after 10 s". */
  reason: string;
  /** Error codes and addresses, for a second line; never shown first. */
  detail?: string;
}

/** A page that was read. */
export interface FetchedPage {
  ok: true;
  /** The address the page was finally read from, after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A response with the redirects that led to it. */
export interface Followed {
  ok: true;
  response: Response;
  url: string;
  /** Each redirect's target, in order (absolute addresses). */
  locations: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** `10 s`, `0.2 s`: a duration for a writer. */
export const inSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const isWeb = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** Plain words for an HTTP error status. */
function statusReason(status: number): string {
  if (status === 404 || status === 410) return `the site says there is no such page, error ${status}`;
  if (status === 401 || status === 403) return `the site refused to show the page to a program, error ${status}`;
  if (status === 429) return 'the site asked us to slow down, error 429';
  if (status >= 500) return `the site had a problem of its own, error ${status}`;
  return `the site answered with error ${status}`;
}

/** Map a fetch rejection to a reason. */
function networkFailure(error: unknown, timedOut: boolean, limits: FetchLimits): FetchFailure {
  if (timedOut) return { ok: false, kind: 'timeout', reason: `timed out after ${inSeconds(limits.timeoutMs)}` };
  let cause: unknown = error;
  let code = '';
  for (let depth = 0; depth < 4 && cause instanceof Error && !code; depth++) {
    const found = (cause as Error & { code?: unknown }).code;
    code = typeof found === 'string' ? found : '';
    if (!code) cause = cause.cause;
  }
  const detail = cause instanceof Error ? `${code ? `${code}: ` : ''}${cause.message}` : String(error);
  if (/^(?:ENOTFOUND|EAI_NONAME|EAI_NODATA|EAI_AGAIN)$/.test(code)) {
    return { ok: false, kind: 'no-such-site', reason: 'the site was not found: check the address, or whether you are online', detail };
  }
  return { ok: false, kind: 'unreachable', reason: 'could not connect to the site: are you online?', detail };
}

/**
 * Request `url` (GET), following up to `limits.maxRedirects` redirects, each
 * only to an http(s) address and never back to one already visited.
 * `signal` bounds the whole exchange; the caller owns it. `arrived` may stop
 * early at a redirect whose target is all the caller needs (it is then in `locations`, not requested).
 */
export async function follow(url: string, limits: FetchLimits, signal: AbortSignal, accept = '*/*', arrived?: (location: string) => boolean): Promise<Followed | FetchFailure> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, kind: 'not-web-address', reason: 'it is not a web address' };
  }
  if (!isWeb(current)) return { ok: false, kind: 'not-web-address', reason: 'it is not a web address (http:// or https://)' };
  const seen = new Set<string>();
  const locations: string[] = [];
  for (;;) {
    seen.add(current.href);
    const response = await fetch(current, { redirect: 'manual', signal, headers: { 'user-agent': limits.userAgent, accept } });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return { ok: true, response, url: current.href, locations };
    await response.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { ok: false, kind: 'bad-redirect', reason: 'it forwards to an address that does not work', detail: `Location: ${location}` };
    }
    next.hash = '';
    if (!isWeb(next)) return { ok: false, kind: 'bad-redirect', reason: 'it forwards to something that is not a web page', detail: `Location: ${next.href}` };
    if (seen.has(next.href)) return { ok: false, kind: 'redirect-loop', reason: 'it forwards in a circle and never arrives at a page', detail: `loop back to ${next.href}` };
    if (locations.length >= limits.maxRedirects) return { ok: false, kind: 'too-many-redirects', reason: `it forwards more than ${limits.maxRedirects} times`, detail: `last: ${next.href}` };
    locations.push(next.href);
    if (arrived?.(next.href)) return { ok: true, response, url: current.href, locations };
    current = next;
  }
}

/** What a content type is, for a writer. */
function kindOf(type: string): string {
  if (type === 'application/pdf') return 'a PDF document';
  if (type === 'application/json' || type.endsWith('+json')) return 'data (JSON)';
  if (type.startsWith('image/')) return 'an image';
  if (type.startsWith('video/') || type.startsWith('audio/')) return 'a video or sound file';
  if (type === 'text/plain') return 'plain text';
  return `a file of type ${type}`;
}

/** Read at most `max` bytes of a body; undefined when it is longer. */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetch an HTML page within `limits`. Anything else (an error status, a
 * PDF, a page over the size cap, a timeout, no network) is a {@link FetchFailure}.
 */
export async function fetchPage(url: string, limits: FetchLimits): Promise<FetchedPage | FetchFailure> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const followed = await follow(url, limits, controller.signal, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1');
    if (!followed.ok) return followed;
    const { response } = followed;
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      return { ok: false, kind: 'http-error', reason: statusReason(response.status), detail: `HTTP ${response.status} ${response.statusText} from ${followed.url}` };
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    // A missing type is allowed: the bytes are sniffed below.
    if (contentType !== '' && contentType !== 'text/html' && contentType !== 'application/xhtml+xml') {
      await response.body?.cancel();
      return { ok: false, kind: 'not-html', reason: `it is ${kindOf(contentType)}, not a web page`, detail: `Content-Type: ${response.headers.get('content-type')}` };
    }
    const bytes = await readCapped(response, limits.maxBytes);
    if (!bytes) return { ok: false, kind: 'too-large', reason: `the page is larger than ${limits.maxBytes / 1_000_000} MB`, detail: `stopped reading after ${limits.maxBytes} bytes` };
    // Servers mislabel files: a PDF sent as text/html is still a PDF.
    const start = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
    if (start.startsWith('%PDF-')) return { ok: false, kind: 'not-html', reason: 'it is a PDF document, not a web page', detail: `Content-Type: ${contentType || '(none)'}, body starts with %PDF-` };
    return { ok: true, url: followed.url, contentType: response.headers.get('content-type') ?? '', bytes };
  } catch (error) {
    return networkFailure(error, controller.signal.aborted, limits);
  } finally {
    clearTimeout(timer);
  }
}
