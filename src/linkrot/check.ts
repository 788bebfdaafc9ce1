/**
 * Checking one URL carefully: HEAD first, GET when a server rejects HEAD,
 * retries for 429, 5xx, resets and timeouts with exponential backoff and
 * jitter, and `Retry-After` honoured by pausing the whole host.
 */
import { classify, retryAfterMs, type Verdict } from './classify.ts';
import { probe, type HttpOptions, type Probe } from './http.ts';
import { hostKey } from './normalise.ts';
import type { HostScheduler } from './scheduler.ts';

/** Retry settings. */
export interface RetryOptions {
  /** Attempts after the first (default 3). */
  retries: number;
  /** First backoff in ms; doubles each attempt (default 1000). */
  backoffBaseMs: number;
  /** Longest backoff in ms (default 30 s). */
  backoffMaxMs: number;
  /** Longest `Retry-After` we wait for within a run (default 120 s); longer ones end the attempts. */
  maxRetryAfterMs: number;
}

/** Everything {@link checkUrl} needs. */
export interface CheckOptions extends HttpOptions, RetryOptions {
  scheduler: HostScheduler;
  /** GET the page and keep its body (for the quote check). */
  wantBody?: boolean;
  /** Source of randomness for jitter (tests may fix it). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A verdict and the probe it came from. */
export interface CheckOutcome {
  verdict: Verdict;
  probe: Probe;
  /** Requests made, redirect hops included. */
  requests: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, options: Pick<RetryOptions, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Servers that mishandle HEAD answer these; a GET gets the real answer. */
function needsGet(first: Probe): boolean {
  if (first.error) return first.error.code === 'redirect-loop' || first.error.code === 'too-many-redirects' || first.error.code === 'bad-redirect';
  const status = first.status ?? 0;
  return status >= 400 && status !== 429;
}

/** One attempt: HEAD, then GET if the HEAD answer is not trustworthy. */
async function attempt(url: string, options: CheckOptions): Promise<{ probe: Probe; requests: number }> {
  const gate = <T>(host: string, task: () => Promise<T>) => options.scheduler.run(host, task);
  // Retry-After speaks for the whole host: hold it before its next request can start.
  const onResponse = (at: string, status: number, headers: Record<string, string>) => {
    const asked = status === 429 || status === 503 ? retryAfterMs(headers, Date.now()) : undefined;
    if (asked !== undefined) options.scheduler.pause(hostKey(at), Math.min(asked, options.maxRetryAfterMs));
  };
  const hooks = { gate, onResponse };
  if (options.wantBody) {
    const get = await probe(url, 'GET', { ...options, ...hooks, wantBody: true });
    return { probe: get, requests: get.hops.length + 1 };
  }
  const head = await probe(url, 'HEAD', { ...options, ...hooks });
  if (!needsGet(head)) return { probe: head, requests: head.hops.length + 1 };
  const get = await probe(url, 'GET', { ...options, ...hooks });
  return { probe: get, requests: head.hops.length + get.hops.length + 2 };
}

/** Check `url` with retries; returns the final verdict. */
export async function checkUrl(url: string, options: CheckOptions): Promise<CheckOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  let requests = 0;
  for (let tries = 0; ; tries++) {
    const result = await attempt(url, options);
    requests += result.requests;
    const verdict = classify(url, result.probe);
    if (!verdict.retry || tries >= options.retries) {
      const { retry: _retry, ...final } = verdict;
      if (verdict.retry && tries > 0) final.reason += ` (after ${tries + 1} attempts)`;
      return { verdict: final, probe: result.probe, requests };
    }
    const asked = result.probe.status === 429 || result.probe.status === 503 ? retryAfterMs(result.probe.headers, Date.now()) : undefined;
    if (asked !== undefined && asked > options.maxRetryAfterMs) {
      const { retry: _retry, ...final } = verdict;
      final.reason += ` (asked to wait ${Math.round(asked / 1000)} s)`;
      return { verdict: final, probe: result.probe, requests };
    }
    await sleep(asked ?? backoffMs(tries, options, random));
  }
}
