/**
 * Switches linkinator's HTTP client (undici) in this thread to HTTP/2 without
 * TLS (h2c). undici closes the connection after every HEAD request over
 * HTTP/1.1, and linkinator checks most links with HEAD, so over HTTP/1.1 the
 * link check opens thousands of loopback connections; over h2c it uses one.
 *
 * Only for a worker thread of the link check: undici's default dispatcher is
 * per thread, and afterwards every fetch of the thread goes over h2c. The
 * undici used is the one linkinator itself resolves.
 */
import { createRequire } from 'node:module';

/** The part of undici used here. */
interface Undici {
  Agent: new (options: { useH2c: boolean }) => object;
  setGlobalDispatcher: (dispatcher: object) => void;
  getGlobalDispatcher: () => object;
  fetch: (url: string, init: { method: string; signal: AbortSignal }) => Promise<{ status: number }>;
}

/**
 * Make linkinator's requests in this thread speak h2c, if a HEAD request to
 * `origin` (an h2c server) then works. Returns whether it does; if not, the
 * thread's client is left as it was.
 */
export async function useH2c(origin: string): Promise<boolean> {
  let undici: Undici;
  try {
    undici = createRequire(import.meta.resolve('linkinator'))('undici') as Undici;
  } catch {
    return false;
  }
  const before = undici.getGlobalDispatcher();
  try {
    undici.setGlobalDispatcher(new undici.Agent({ useH2c: true }));
    const response = await undici.fetch(`${origin}/`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    if (response.status > 0) return true;
  } catch {
    // An undici without h2c support: keep HTTP/1.1.
  }
  undici.setGlobalDispatcher(before);
  return false;
}
