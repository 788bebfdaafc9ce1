/**
 * Politeness: at most `perHost` requests at once to any host, request starts
 * on one host at least `minIntervalMs` apart, at most `global` requests at
 * once overall, and a host can be paused (for `Retry-After`). Hosts take
 * turns, so one big host never starves the others.
 */

/** Limits for {@link HostScheduler}. */
export interface SchedulerOptions {
  global: number;
  perHost: number;
  minIntervalMs: number;
}

interface HostQueue {
  active: number;
  /** Earliest time (performance.now()) the next request may start. */
  nextStart: number;
  waiting: (() => void)[];
}

/** A limiter keyed by host. */
export class HostScheduler {
  readonly #options: SchedulerOptions;
  readonly #hosts = new Map<string, HostQueue>();
  /** Hosts with waiting tasks, in turn order. */
  readonly #ready = new Set<string>();
  #active = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  constructor(options: SchedulerOptions) {
    if (!(options.global >= 1 && options.perHost >= 1 && options.minIntervalMs >= 0)) {
      throw new RangeError('Concurrency limits must be at least 1 and the interval at least 0.');
    }
    this.#options = options;
  }

  /** Run `task` as one request to `host`, waiting for a turn. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const queue = this.#queue(host);
    await new Promise<void>((resolve) => {
      queue.waiting.push(resolve);
      this.#ready.add(host);
      this.#pump();
    });
    try {
      return await task();
    } finally {
      queue.active--;
      this.#active--;
      this.#pump();
    }
  }

  /** Start no request to `host` for `ms` (e.g. it sent `Retry-After`). */
  pause(host: string, ms: number): void {
    const queue = this.#queue(host);
    queue.nextStart = Math.max(queue.nextStart, performance.now() + ms);
  }

  #queue(host: string): HostQueue {
    let queue = this.#hosts.get(host);
    if (!queue) this.#hosts.set(host, (queue = { active: 0, nextStart: 0, waiting: [] }));
    return queue;
  }

  #pump(): void {
    const now = performance.now();
    let soonest = Infinity;
    for (const host of [...this.#ready]) {
      if (this.#active >= this.#options.global) break;
      const queue = this.#queue(host);
      if (queue.active >= this.#options.perHost) continue;
      if (queue.nextStart > now) {
        soonest = Math.min(soonest, queue.nextStart);
        continue;
      }
      const grant = queue.waiting.shift();
      if (!grant) continue;
      queue.active++;
      this.#active++;
      queue.nextStart = now + this.#options.minIntervalMs;
      // Move the host to the back of the line.
      this.#ready.delete(host);
      if (queue.waiting.length > 0) {
        this.#ready.add(host);
        if (queue.active < this.#options.perHost) soonest = Math.min(soonest, queue.nextStart);
      }
      grant();
    }
    if (soonest < Infinity && soonest < this.#timerAt) {
      clearTimeout(this.#timer);
      this.#timerAt = soonest;
      this.#timer = setTimeout(() => {
        this.#timerAt = Infinity;
        this.#timer = undefined;
        this.#pump();
      }, Math.max(0, soonest - now));
    }
  }
}
