/**
 * A static file server over a built site on 127.0.0.1 and a free port, so the
 * internal link check sees what a static host would serve: `/a/` is
 * `/a/index.html`, a folder without its slash redirects to it, anything else
 * is a 404 (with the site's 404.html). Browser tests serve built sites with it too. It never serves files outside `root`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** A running server. */
export interface DirServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close: () => Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/** Serve `dir` on 127.0.0.1 until `close()` is called. */
export async function serveDir(dir: string): Promise<DirServer> {
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const path = join(root, pathname);
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    const kind = await fileAt(path);
    if (kind === 'dir' && !pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = kind === 'dir' ? join(path, 'index.html') : path;
    if (kind === undefined || (await fileAt(file)) !== 'file') {
      // Like a static host: the site's own 404 page, with status 404.
      const notFound = join(root, '404.html');
      if ((await fileAt(notFound)) === 'file' && req.method !== 'HEAD') {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        createReadStream(notFound).on('error', () => res.destroy()).pipe(res);
      } else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
