/**
 * Turning what a probe saw into a verdict. Pure: no network, no clock.
 *
 * - `ok`: the page answers 2xx (temporary redirects on the way are fine).
 * - `redirected`: it moved permanently (301/308 first); `newUrl` is where.
 * - `dead`: 404, 410, 451, unknown host, or a redirect to a site's home page
 *   or to an obvious not-found page.
 * - `unverifiable`: we cannot tell: 401, 403, 429 that never clears, 999,
 *   other refusals, redirect loops, TLS problems.
 * - `transient`: 5xx, timeouts, resets: retried, then left for the next run.
 */
import type { Probe } from './http.ts';

/** The five verdicts. */
export const LINK_CLASSES = ['ok', 'redirected', 'dead', 'unverifiable', 'transient'] as const;
/** A verdict class. */
export type LinkClass = (typeof LINK_CLASSES)[number];

/** A verdict on one URL. */
export interface Verdict {
  class: LinkClass;
  /** Final HTTP status, when a response arrived. */
  status?: number;
  /** Why, in words. */
  reason: string;
  /** The last URL reached. */
  finalUrl: string;
  /** For `redirected`: the address to cite instead. */
  newUrl?: string;
  /** Worth another attempt in this run (429, 5xx, timeouts, resets). */
  retry?: boolean;
}

const PERMANENT = new Set([301, 308]);

/** Response headers that bot-protection services add when they block a client. */
const BOT_HEADERS = ['cf-mitigated', 'x-datadome', 'x-amzn-waf-action', 'x-vercel-mitigated', 'x-px-block', 'x-sucuri-block'];

/** The bot-protection header a response carries, if any. */
export function botProtection(headers: Record<string, string> | undefined): string | undefined {
  return BOT_HEADERS.find((name) => headers?.[name] !== undefined);
}

const NOT_FOUND_SEGMENT = /^(?:404|error-?404|404-?error|(?:page-?)?not-?found|pagenotfound|error)(?:\.(?:html?|aspx?|php))?$/i;
const NOT_FOUND_QUERY = /(?:^|[?&])(?:aspxerrorpath=|error(?:code)?=404\b|status=404\b)/i;

/**
 * True when a redirect from `from` landing on `to` means the page is gone:
 * it lands on a home page (when it did not start at one) or on an obvious
 * not-found page.
 */
export function isGoneRedirect(from: string, to: string): boolean {
  const start = new URL(from);
  const end = new URL(to);
  if (end.pathname === '/' && end.search === '' && start.pathname !== '/') return true;
  return end.pathname.split('/').some((segment) => NOT_FOUND_SEGMENT.test(segment)) || NOT_FOUND_QUERY.test(end.search);
}

/** The address reached by the leading permanent redirects, if the chain starts with one. */
function permanentTarget(probe: Probe): string | undefined {
  let target: string | undefined;
  for (const hop of probe.hops) {
    if (!PERMANENT.has(hop.status)) break;
    target = hop.location;
  }
  return target;
}

function fromError(probe: Probe): Verdict {
  const { code, message } = probe.error ?? { code: 'other', message: 'no response' };
  const finalUrl = probe.finalUrl;
  switch (code) {
    case 'dns':
      return { class: 'dead', reason: `host not found (${message})`, finalUrl, retry: true };
    case 'timeout':
      return { class: 'transient', reason: 'timed out', finalUrl, retry: true };
    case 'reset':
    case 'refused':
    case 'dns-temporary':
    case 'other':
      return { class: 'transient', reason: `connection failed (${message})`, finalUrl, retry: true };
    case 'tls':
      return { class: 'unverifiable', reason: `TLS certificate problem (${message})`, finalUrl };
    default:
      return { class: 'unverifiable', reason: message, finalUrl };
  }
}

/** Classify one probe of `url`. */
export function classify(url: string, probe: Probe): Verdict {
  if (probe.status === undefined) return fromError(probe);
  const status = probe.status;
  const base = { status, finalUrl: probe.finalUrl };
  const bot = botProtection(probe.headers);
  if (status >= 200 && status < 300) {
    if (probe.hops.length === 0) return { ...base, class: 'ok', reason: `${status}` };
    if (isGoneRedirect(url, probe.finalUrl)) return { ...base, class: 'dead', reason: `redirects to ${probe.finalUrl}, a home or not-found page` };
    const moved = permanentTarget(probe);
    if (moved) return { ...base, class: 'redirected', newUrl: moved, reason: `moved permanently (${probe.hops[0]?.status}) to ${moved}` };
    return { ...base, class: 'ok', reason: `${status} after a temporary redirect to ${probe.finalUrl}` };
  }
  if (status === 404 || status === 410) return { ...base, class: 'dead', reason: status === 404 ? 'not found (404)' : 'gone (410)' };
  if (status === 451) return { ...base, class: 'dead', reason: 'unavailable for legal reasons (451)' };
  if (bot) return { ...base, class: 'unverifiable', reason: `blocked by bot protection (${status}, ${bot})` };
  if (status === 429) return { ...base, class: 'unverifiable', reason: 'rate limited (429)', retry: true };
  if (status >= 500 && status < 600) return { ...base, class: 'transient', reason: `server error (${status})`, retry: true };
  if (status === 401 || status === 407) return { ...base, class: 'unverifiable', reason: `login required (${status})` };
  if (status === 403) return { ...base, class: 'unverifiable', reason: 'access denied (403)' };
  if (status === 999) return { ...base, class: 'unverifiable', reason: 'blocked as a bot (999)' };
  if (status >= 300 && status < 400) return { ...base, class: 'unverifiable', reason: `redirect (${status}) without a target` };
  return { ...base, class: 'unverifiable', reason: `the server refused the check (${status})` };
}

/**
 * True when most hosts of a run (at least 3) failed DNS for every URL: the
 * fault is then the checker's own network, and no DNS failure may count as
 * dead (otherwise one offline CI run would flag every new source).
 */
export function networkLooksDown(results: readonly { host: string; dns: boolean }[]): boolean {
  const allFailed = new Map<string, boolean>();
  for (const { host, dns } of results) allFailed.set(host, (allFailed.get(host) ?? true) && dns);
  const failed = [...allFailed.values()].filter(Boolean).length;
  return allFailed.size >= 3 && failed / allFailed.size > 0.5;
}

/**
 * Milliseconds a `Retry-After` header asks to wait (seconds or an HTTP date),
 * or undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Record<string, string> | undefined, now: number): number | undefined {
  const value = headers?.['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
