/**
 * Checking one URL carefully: HEAD first, GET when a server rejects HEAD,
 * retries (p-retry) for 429, 5xx, resets and timeouts with exponential
 * backoff and jitter, and `Retry-After` honoured by pausing the whole host.
 */
import pRetry from 'p-retry';
import { classify, retryAfterMs, type Verdict } from './classify.ts';
import { systemClock, type Clock } from './clock.ts';
import { probe, type HttpOptions, type Probe } from './http.ts';
import { hostKey, type HostScheduler } from './scheduler.ts';

/** Retry settings. */
export interface RetryOptions {
  /** Attempts after the first. */
  retries: number;
  /** First backoff in ms; doubles each attempt. */
  backoffBaseMs: number;
  /** Longest backoff in ms. */
  backoffMaxMs: number;
  /** Longest `Retry-After` we wait for within a run; longer ones end the attempts. */
  maxRetryAfterMs: number;
}

/** Everything {@link checkUrl} needs. */
export interface CheckOptions extends HttpOptions, RetryOptions {
  scheduler: HostScheduler;
  /** GET the page and keep its body (for the quote check). */
  wantBody?: boolean;
  /** Source of randomness for jitter (tests may fix it). */
  random?: () => number;
  /** Time for backoff waits (default: real time). */
  clock?: Clock;
}

/** A verdict and the probe it came from. */
export interface CheckOutcome {
  verdict: Verdict;
  probe: Probe;
  /** Requests made, redirect hops included. */
  requests: number;
}

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

/** A verdict worth another attempt, thrown so p-retry tries again. */
class Unsettled extends Error {
  readonly outcome: Omit<CheckOutcome, 'requests'>;
  /** What `Retry-After` asked for, in ms, if anything. */
  readonly askedMs: number | undefined;
  constructor(outcome: Omit<CheckOutcome, 'requests'>) {
    super(outcome.verdict.reason);
    this.outcome = outcome;
    const { probe: answer } = outcome;
    this.askedMs = answer.status === 429 || answer.status === 503 ? retryAfterMs(answer.headers, Date.now()) : undefined;
  }
}

/**
 * Check `url` with retries; returns the final verdict. p-retry counts the
 * attempts; the waits are ours, on the injected clock: equal jitter (see
 * {@link backoffMs}), or what `Retry-After` asked for.
 */
export async function checkUrl(url: string, options: CheckOptions): Promise<CheckOutcome> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  let requests = 0;
  let attempts = 0;
  const settle = (outcome: Omit<CheckOutcome, 'requests'>, note = ''): CheckOutcome => {
    const { retry: _retry, ...verdict } = outcome.verdict;
    return { verdict: { ...verdict, reason: verdict.reason + note }, probe: outcome.probe, requests };
  };
  const tooLong = (error: Unsettled) => error.askedMs !== undefined && error.askedMs > options.maxRetryAfterMs;
  try {
    return await pRetry(
      async () => {
        attempts++;
        const result = await attempt(url, options);
        requests += result.requests;
        const verdict = classify(url, result.probe);
        if (verdict.retry) throw new Unsettled({ verdict, probe: result.probe });
        return settle({ verdict, probe: result.probe });
      },
      {
        retries: options.retries,
        // No timer of p-retry's own: the wait happens in onFailedAttempt, on the clock.
        minTimeout: 0,
        maxTimeout: 0,
        shouldRetry: ({ error }) => error instanceof Unsettled && !tooLong(error),
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (!(error instanceof Unsettled) || retriesLeft === 0 || tooLong(error)) return;
          await clock.sleep(error.askedMs ?? backoffMs(attemptNumber - 1, options, random));
        },
      },
    );
  } catch (error) {
    if (!(error instanceof Unsettled)) throw error;
    if (attempts <= options.retries && tooLong(error)) return settle(error.outcome, ` (asked to wait ${Math.round((error.askedMs ?? 0) / 1000)} s)`);
    return settle(error.outcome, attempts > 1 ? ` (after ${attempts} attempts)` : '');
  }
}
