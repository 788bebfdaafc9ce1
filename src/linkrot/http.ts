/**
 * One probe of a URL: a HEAD or GET request with redirects followed by hand
 * (so every hop is recorded, loops are caught and each hop goes through the
 * politeness gate of its own host), a timeout on each request (body
 * included), and a size limit on any body read. Never throws: failures become `error`.
 */
import { hostKey } from './scheduler.ts';
import { RequestTimeout, send } from './request.ts';

/** Settings for requests. */
export interface HttpOptions {
  /** Abort a request (and the reading of its body) after this many ms. */
  timeoutMs: number;
  userAgent: string;
  maxRedirects: number;
  /** Stop reading a body after this many bytes. */
  maxBodyBytes: number;
}

/** One redirect response on the way. */
export interface Hop {
  url: string;
  status: number;
  /** The absolute URL it pointed to. */
  location: string;
}

/** Kinds of failure that produced no final response. */
export type ProbeErrorCode = 'dns' | 'dns-temporary' | 'timeout' | 'reset' | 'refused' | 'tls' | 'redirect-loop' | 'too-many-redirects' | 'bad-redirect' | 'other';

/** What one probe saw. */
export interface Probe {
  method: 'HEAD' | 'GET';
  hops: Hop[];
  /** The last URL requested. */
  finalUrl: string;
  /** Status of the final (non-redirect) response, when one arrived. */
  status?: number;
  /** Its headers, lowercased names. */
  headers?: Record<string, string>;
  error?: { code: ProbeErrorCode; message: string };
  /** The body, when asked for and the final response arrived. */
  body?: { bytes: Uint8Array; truncated: boolean; complete: boolean };
}

/** Runs one request on `host` within that host's politeness limits. */
export type Gate = <T>(host: string, task: () => Promise<T>) => Promise<T>;

/** Optional extras for {@link probe}. */
export interface ProbeHooks {
  wantBody?: boolean;
  gate?: Gate;
  /** Called with each response's status and headers while its host's turn is still held. */
  onResponse?: (url: string, status: number, headers: Record<string, string>) => void;
}

const passThrough: Gate = (_host, task) => task();

const CODES: [RegExp, ProbeErrorCode][] = [
  [/^(?:ENOTFOUND|EAI_NONAME|EAI_NODATA)$/, 'dns'],
  [/^EAI_AGAIN$/, 'dns-temporary'],
  [/^(?:ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)$/, 'refused'],
  [/^(?:ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED)$/, 'reset'],
  [/TIMEOUT|ETIMEDOUT/, 'timeout'],
  [/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/, 'tls'],
];

/** Map a fetch failure to a code and a short message. */
export function describeError(error: unknown, timedOut: boolean): { code: ProbeErrorCode; message: string } {
  if (timedOut) return { code: 'timeout', message: 'timed out' };
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      const match = CODES.find(([pattern]) => pattern.test(code));
      return { code: match?.[1] ?? 'other', message: cause.message.includes(code) ? cause.message : `${code}${cause.message ? `: ${cause.message}` : ''}` };
    }
    cause = cause.cause;
  }
  return { code: 'other', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Request `url` with `method`, following redirects. With `wantBody`, read up
 * to `maxBodyBytes` of the final response's body.
 */
export async function probe(url: string, method: 'HEAD' | 'GET', options: HttpOptions & ProbeHooks): Promise<Probe> {
  const gate = options.gate ?? passThrough;
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let current = url;
  try {
    for (;;) {
      seen.add(current);
      // The clock starts when the request does, not while it waits for its turn.
      const response = await gate(hostKey(current), async () => {
        const answer = await send(current, method, { timeoutMs: options.timeoutMs, userAgent: options.userAgent, maxBodyBytes: options.maxBodyBytes, ...(options.wantBody ? { wantBody: true } : {}) });
        options.onResponse?.(current, answer.status, answer.headers);
        return answer;
      });
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location !== undefined) {
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return { method, hops, finalUrl: current, error: { code: 'bad-redirect', message: `redirect to an invalid address: ${location}` } };
        }
        next.hash = '';
        hops.push({ url: current, status: response.status, location: next.href });
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { method, hops, finalUrl: current, error: { code: 'bad-redirect', message: `redirect to a non-web address: ${next.href}` } };
        }
        if (seen.has(next.href)) {
          return { method, hops, finalUrl: next.href, error: { code: 'redirect-loop', message: `redirect loop back to ${next.href}` } };
        }
        if (hops.length > options.maxRedirects) {
          return { method, hops, finalUrl: next.href, error: { code: 'too-many-redirects', message: `more than ${options.maxRedirects} redirects` } };
        }
        current = next.href;
        continue;
      }
      return { method, hops, finalUrl: current, status: response.status, headers: response.headers, ...(response.body ? { body: response.body } : {}) };
    }
  } catch (error) {
    return { method, hops, finalUrl: current, error: describeError(error, error instanceof RequestTimeout) };
  }
}
