/**
 * Real HTTP servers on 127.0.0.1, one port per stand-in "host", that count
 * how many requests each one has in flight and log every request, and the
 * virtual clock that they and the link-rot checker can share in tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { systemClock, type Clock } from '../../src/linkrot/clock.ts';
import type { HostScheduler } from '../../src/linkrot/scheduler.ts';

/** One logged request. */
export interface LoggedRequest {
  method: string;
  path: string;
  userAgent: string;
  /** When it arrived, on the host's clock. */
  at: number;
}

/** A running stand-in host. */
export interface Host {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: LoggedRequest[];
  /** Most requests this host had in flight at once. */
  maxActive: number;
  close: () => Promise<void>;
}

/** Handles one request; `host` is the server it arrived at. */
export type Handler = (req: IncomingMessage, res: ServerResponse, host: Host) => void | Promise<void>;

/** Counts requests in flight across several hosts. */
export interface Tracker {
  active: number;
  maxActive: number;
}

/** Options of {@link startHost}. */
export interface HostOptions {
  /** Counts in-flight requests across hosts. */
  tracker?: Tracker;
  /** The clock request times are logged on (default: real time). */
  clock?: Clock;
}

/** Start one host. */
export async function startHost(handler: Handler, { tracker, clock = systemClock }: HostOptions = {}): Promise<Host> {
  let active = 0;
  const host: Host = { origin: '', requests: [], maxActive: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    active++;
    host.maxActive = Math.max(host.maxActive, active);
    if (tracker) tracker.maxActive = Math.max(tracker.maxActive, ++tracker.active);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      active--;
      if (tracker) tracker.active--;
    };
    res.on('close', done);
    host.requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', userAgent: String(req.headers['user-agent'] ?? ''), at: clock.now() });
    Promise.resolve(handler(req, res, host)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  host.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  host.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return host;
}

/** Send an HTML page. */
export function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><html><head><title>Page</title></head><body>${body}</body></html>`);
}

/** Redirect with `status` to `location`. */
export function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

/** A sleeper waiting on a {@link VirtualClock}. */
interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/**
 * Virtual time for a link-rot run against these hosts: it stands still while
 * anything real is under way (a request on the wire that no host holds on
 * this clock, code running), and otherwise jumps to the next timer. Gaps,
 * pauses and backoffs are then exact, and take no real time. Deterministic:
 * timers fire one at a time, in time order, each only once everything the
 * last one started has settled.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #order = 0;
  #timers: Timer[] = [];
  #stepping = false;
  /** Requests the hosts hold on this clock (see {@link hold}). */
  #held = 0;
  /** True while real work is under way; see {@link watch}. */
  #busy: () => boolean = () => false;

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((fire) => {
      this.#timers.push({ at: this.#now + Math.max(0, ms), order: this.#order++, fire });
      this.#step();
    });
  }

  /** For host handlers: keep a request waiting `ms` on this clock (a slow server). */
  async hold(ms: number): Promise<void> {
    this.#held++;
    try {
      await this.sleep(ms);
    } finally {
      this.#held--;
    }
  }

  /** Let time move only while every request `scheduler` has on the wire is held by a host. */
  watch(scheduler: HostScheduler): this {
    this.#busy = () => scheduler.active > this.#held;
    return this;
  }

  #step(): void {
    if (this.#stepping) return;
    this.#stepping = true;
    const next = () => {
      if (this.#timers.length === 0) {
        this.#stepping = false;
        return;
      }
      // Real work under way: look again shortly, without spinning a core.
      if (this.#busy()) return void setTimeout(next, 1);
      this.#timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const timer = this.#timers.shift() as Timer;
      this.#now = Math.max(this.#now, timer.at);
      timer.fire();
      // After the timer's own code (and what it starts) has run.
      setImmediate(next);
    };
    setImmediate(next);
  }
}
