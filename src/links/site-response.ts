/**
 * What a static host answers for a request to a built site: `/a/` is
 * `/a/index.html`, a folder without its slash redirects to it, anything else
 * is a 404 (with the site's 404.html). Never a file outside `root`.
 *
 * One answer for both ways the site is served: over HTTP by ./serve-dir.ts
 * (browser tests) and inside the link checker's own thread by
 * ./in-process.ts.
 */
import { extname, join, sep } from 'node:path';
import type { SiteFiles } from './site-files.ts';

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

/** The answer to one request: a status and headers, then a file (GET only) or a short text. */
export interface SiteAnswer {
  status: number;
  headers: Record<string, string>;
  /** The file to send as the body (absent for HEAD and for answers without a file). */
  file?: { path: string; size: number };
  /** A short body for answers without a file. */
  text?: string;
}

function fileAnswer(path: string, size: number, status: number, head: boolean): SiteAnswer {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return { status, headers: { 'content-type': type, 'content-length': String(size) }, ...(head ? {} : { file: { path, size } }) };
}

/**
 * Answer `method` for `target` (a request target such as `/a/?q#x`) from the
 * built site in `root` (an absolute path).
 */
export async function answerRequest(root: string, files: SiteFiles, method: string, target: string): Promise<SiteAnswer> {
  const url = new URL(target, 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, headers: {} };
  }
  const path = join(root, pathname);
  if (path !== root && !path.startsWith(root + sep)) return { status: 404, headers: {} };
  const head = method === 'HEAD';
  const { kind } = await files.entry(path);
  if (kind === 'dir' && !pathname.endsWith('/')) return { status: 301, headers: { location: `${url.pathname}/${url.search}` } };
  const file = kind === 'dir' ? join(path, 'index.html') : path;
  const found = kind === undefined ? undefined : await files.entry(file);
  if (found?.kind === 'file') return fileAnswer(file, found.size, 200, head);
  const notFound = join(root, '404.html');
  const page = await files.entry(notFound);
  if (page.kind === 'file' && !head) return fileAnswer(notFound, page.size, 404, false);
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, text: 'Not found' };
}
