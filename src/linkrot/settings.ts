/**
 * The numbers of `npm run linkrot`: politeness, retries, limits and the rot
 * policy, each with its default, the flag that changes it and its line in
 * `--help`. The one place they are set: the run's defaults, the option
 * parser and the help text all read this object.
 */

/** One numeric setting. */
export interface Setting {
  /** The default. */
  value: number;
  /** The command-line flag, without `--`. */
  flag: string;
  /** What the flag takes, shown in `--help`. */
  arg: 'n' | 'ms' | 'bytes';
  /** The smallest value accepted. */
  min: number;
  /** One line for `--help`. */
  help: string;
}

/** Every numeric setting of the link-rot watcher, in `--help` order. */
export const SETTINGS = {
  concurrency: { value: 32, flag: 'concurrency', arg: 'n', min: 1, help: 'requests at once overall' },
  perHost: { value: 2, flag: 'per-host', arg: 'n', min: 1, help: 'requests at once to one host' },
  minIntervalMs: { value: 250, flag: 'min-interval', arg: 'ms', min: 0, help: 'gap between request starts on one host' },
  timeoutMs: { value: 15_000, flag: 'timeout', arg: 'ms', min: 1, help: 'time limit per request, its body included' },
  retries: { value: 3, flag: 'retries', arg: 'n', min: 0, help: 'retries for 429, 5xx, timeouts and resets' },
  backoffBaseMs: { value: 1000, flag: 'backoff', arg: 'ms', min: 0, help: 'first retry delay, doubling each time, with jitter' },
  backoffMaxMs: { value: 30_000, flag: 'max-backoff', arg: 'ms', min: 0, help: 'longest retry delay' },
  maxRetryAfterMs: { value: 120_000, flag: 'max-retry-after', arg: 'ms', min: 0, help: 'longest Retry-After to wait for (the whole host waits)' },
  maxRedirects: { value: 10, flag: 'max-redirects', arg: 'n', min: 0, help: 'redirects followed before giving up' },
  maxBodyBytes: { value: 5_000_000, flag: 'max-body', arg: 'bytes', min: 1024, help: 'most of a page read when looking for quotes' },
  rottenRuns: { value: 3, flag: 'rotten-runs', arg: 'n', min: 1, help: 'runs in a row a source must fail before it is "rotten"' },
  rottenDays: { value: 3, flag: 'rotten-days', arg: 'n', min: 1, help: 'distinct days those runs must fall on' },
} as const satisfies Record<string, Setting>;

/** A setting's name. */
export type SettingName = keyof typeof SETTINGS;
