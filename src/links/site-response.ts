/**
 * What a static host answers for a request to a built site: `/a/` is
 * `/a/index.html`, a folder without its slash redirects to it, anything else
 * is a 404 (with the site's 404.html). Never a file outside `root`.
 *
 * The link checker serves the site this way inside its own thread
 * (./in-process.ts); the browser tests serve built sites with sirv, which
 * answers the same way (tests/helpers/static-server.ts).
 */
import { join, sep } from 'node:path';
import mime from 'mime';
import type { SiteFiles } from './site-files.ts';

/** The Content-Type a static host sends for `path` (the `mime` package's table), UTF-8 for text. */
export function contentType(path: string): string {
  const type = mime.getType(path) ?? 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

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
  return { status, headers: { 'content-type': contentType(path), 'content-length': String(size) }, ...(head ? {} : { file: { path, size } }) };
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
