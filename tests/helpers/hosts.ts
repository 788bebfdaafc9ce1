/**
 * Real HTTP servers on 127.0.0.1, one port per stand-in "host", that count
 * how many requests each one has in flight and log every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One logged request. */
export interface LoggedRequest {
  method: string;
  path: string;
  userAgent: string;
  /** performance.now() when it arrived. */
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

/** Start one host. `tracker` (optional) counts in-flight requests across hosts. */
export async function startHost(handler: Handler, tracker?: Tracker): Promise<Host> {
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
    host.requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', userAgent: String(req.headers['user-agent'] ?? ''), at: performance.now() });
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

/** Resolve after `ms`. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
