/**
 * Built sites for browser tests, served by sirv on 127.0.0.1 and a free port:
 * what a reader's browser meets on a static host (`/a/` is `/a/index.html`,
 * anything missing gets the site's 404 page with status 404), without Astro
 * in the loop.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

/** A running server and how to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serve `dir` on 127.0.0.1 and a free port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  // The build is finished: sirv may list the folder once, up front.
  const serve = sirv(dir, { etag: true });
  const notFound = async (res: ServerResponse) => {
    const page = await readFile(join(dir, '404.html')).catch(() => undefined);
    res.writeHead(404, { 'content-type': `text/${page ? 'html' : 'plain'}; charset=utf-8` });
    res.end(page ?? 'Not found');
  };
  const server = createServer((req, res) => serve(req, res, () => void notFound(res)));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
