/**
 * The time the politeness rules and retries are measured on. Injected, so
 * tests can run a check on a virtual clock and assert the gaps and pauses
 * exactly, without waiting for them. Request timeouts are not on it: they
 * measure the network, which only real time can.
 */

/** Monotonic milliseconds and a way to wait for them. */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences mean anything). */
  now(): number;
  /** Resolve once `ms` have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

/** Real time: `performance.now()` and timers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
