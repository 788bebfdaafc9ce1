/**
 * A static file server over a built site on 127.0.0.1 and a free port, so the
 * internal link check sees what a static host would serve: `/a/` is
 * `/a/index.html`, a folder without its slash redirects to it, anything else
 * is a 404 (with the site's 404.html). Browser tests serve built sites with it too. It never serves files outside `root`.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createH2cServer, type Http2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { extname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { siteFiles, type SiteFiles } from './site-files.ts';

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

/** Options for {@link serveDir}. */
export interface ServeDirOptions {
  /**
   * Remember what is on disk (and keep small files in memory) while serving:
   * only for a folder that does not change meanwhile, like a finished build
   * under the link check.
   */
  cache?: boolean;
  /**
   * Speak HTTP/2 without TLS (h2c) instead of HTTP/1.1; only for clients set
   * up for it (see ./h2c.ts). Browsers cannot use it.
   */
  h2c?: boolean;
}

type Request = IncomingMessage | Http2ServerRequest;
/** What both HTTP/1.1 and HTTP/2 responses offer, as used here. */
type Response = Writable & { writeHead: (status: number, headers?: OutgoingHttpHeaders) => unknown };

/** Answer with a status and a short body (or none). */
function reply(res: Response, status: number, headers: OutgoingHttpHeaders = {}, body?: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Send a file's bytes (none for HEAD) with its type and length. */
async function send(res: Response, files: SiteFiles, file: string, size: number, status: number, head: boolean): Promise<void> {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = head ? undefined : await files.body(file, size);
  if (body === undefined || Buffer.isBuffer(body)) {
    res.writeHead(status, { 'content-type': type, 'content-length': body?.length ?? size });
    res.end(body);
    return;
  }
  res.writeHead(status, { 'content-type': type, 'content-length': size });
  body.on('error', () => res.destroy()).pipe(res);
}

/** Answer one request for a file under `root`. */
async function answer(req: Request, res: Response, root: string, files: SiteFiles): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    reply(res, 400);
    return;
  }
  const path = join(root, pathname);
  if (path !== root && !path.startsWith(root + sep)) {
    reply(res, 404);
    return;
  }
  const { kind } = await files.entry(path);
  if (kind === 'dir' && !pathname.endsWith('/')) {
    reply(res, 301, { location: `${url.pathname}/${url.search}` });
    return;
  }
  const file = kind === 'dir' ? join(path, 'index.html') : path;
  const found = kind === undefined ? undefined : await files.entry(file);
  if (found?.kind === 'file') return send(res, files, file, found.size, 200, req.method === 'HEAD');
  // Like a static host: the site's own 404 page, with status 404.
  const notFound = join(root, '404.html');
  const page = await files.entry(notFound);
  if (page.kind === 'file' && req.method !== 'HEAD') return send(res, files, notFound, page.size, 404, false);
  reply(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
}

/** Serve `dir` on 127.0.0.1 until `close()` is called. */
export async function serveDir(dir: string, options: ServeDirOptions = {}): Promise<DirServer> {
  const root = resolve(dir);
  const files = siteFiles(options.cache ?? false);
  const handle = (req: Request, res: ServerResponse | Http2ServerResponse) => {
    // A file that vanishes or cannot be read mid-answer: the answer is cut off.
    answer(req, res, root, files).catch(() => res.destroy());
  };
  const server: Server | Http2Server = options.h2c ? createH2cServer(handle) : createServer(handle);
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
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
