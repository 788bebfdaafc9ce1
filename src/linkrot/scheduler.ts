/**
 * Politeness: at most `perHost` requests at once to any host, request starts
 * on one host at least `minIntervalMs` apart, at most `global` requests at
 * once overall, and a host can be paused (for `Retry-After`). Hosts take
 * turns: each host waits in the overall line with one request at a time, so
 * one big host never starves the others.
 *
 * Concurrency is p-queue's (one queue per host, one overall). The gaps and
 * pauses are measured here, on an injected {@link Clock}: p-queue's own
 * interval limit reads the system clock and cannot be paused, and tests
 * assert the gaps on a virtual clock.
 */
import PQueue from 'p-queue';
import { systemClock, type Clock } from './clock.ts';

/** Limits for {@link HostScheduler}. */
export interface SchedulerOptions {
  global: number;
  perHost: number;
  minIntervalMs: number;
  /** Time for gaps and pauses (default: real time). */
  clock?: Clock;
}

/**
 * The politeness key of a URL: its host with any non-default port, so that
 * local test servers on several ports count as several hosts.
 */
export function hostKey(url: string): string {
  return new URL(url).host;
}

interface Host {
  /** Holds at most `perHost` requests of this host, running or about to start. */
  queue: PQueue;
  /** One start decided at a time, so two turns never pass the gap together. */
  starts: PQueue;
  /** Earliest time on the clock the next request may start. */
  nextStart: number;
}

/** A limiter keyed by host. */
export class HostScheduler {
  readonly #options: Required<SchedulerOptions>;
  readonly #global: PQueue;
  readonly #hosts = new Map<string, Host>();
  #active = 0;

  constructor(options: SchedulerOptions) {
    if (!(options.global >= 1 && options.perHost >= 1 && options.minIntervalMs >= 0)) {
      throw new RangeError('Concurrency limits must be at least 1 and the interval at least 0.');
    }
    this.#options = { clock: systemClock, ...options };
    this.#global = new PQueue({ concurrency: options.global });
  }

  /** Requests running now (started and not finished), across hosts. */
  get active(): number {
    return this.#active;
  }

  /** Run `task` as one request to `host`, waiting for a turn. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.#host(host);
    return state.queue.add(async () => {
      const release = await state.starts.add(() => this.#turn(state));
      this.#active++;
      try {
        return await task();
      } finally {
        this.#active--;
        release();
      }
    });
  }

  /** Start no request to `host` for `ms` (e.g. it sent `Retry-After`). */
  pause(host: string, ms: number): void {
    const state = this.#host(host);
    state.nextStart = Math.max(state.nextStart, this.#options.clock.now() + ms);
  }

  /** Wait until `host` may start a request and an overall slot is free; returns the slot's release. */
  async #turn(state: Host): Promise<() => void> {
    const { clock, minIntervalMs } = this.#options;
    for (;;) {
      const wait = state.nextStart - clock.now();
      if (wait > 0) {
        await clock.sleep(wait);
        continue;
      }
      const release = await this.#slot();
      // A Retry-After may have paused the host while it waited for the slot.
      if (state.nextStart > clock.now()) {
        release();
        continue;
      }
      state.nextStart = clock.now() + minIntervalMs;
      return release;
    }
  }

  /** Take one overall slot; resolves with the function that gives it back. */
  #slot(): Promise<() => void> {
    return new Promise((granted) => {
      void this.#global.add(() => new Promise<void>((release) => granted(release)));
    });
  }

  #host(host: string): Host {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { queue: new PQueue({ concurrency: this.#options.perHost }), starts: new PQueue({ concurrency: 1 }), nextStart: -Infinity };
      this.#hosts.set(host, state);
    }
    return state;
  }
}
