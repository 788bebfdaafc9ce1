/**
 * Built sites for browser tests are served by the same static server the
 * internal link check uses (src/links/serve-dir.ts): what a reader's browser
 * meets on a static host, without Astro in the loop.
 */
import { serveDir as serveSite } from '../../src/links/serve-dir.ts';

/** A running server and how to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serve `dir` on 127.0.0.1 and a free port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const { origin, close } = await serveSite(dir);
  return { url: origin, close };
}
