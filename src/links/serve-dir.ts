/**
 * A static file server over a built site on 127.0.0.1 and a free port: what
 * a reader's browser meets on a static host (answers from ./site-response.ts).
 * Browser tests serve built sites with it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { answerRequest } from './site-response.ts';
import { siteFiles } from './site-files.ts';

/** A running server. */
export interface DirServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close: () => Promise<void>;
}

/** Serve `dir` on 127.0.0.1 until `close()` is called. */
export async function serveDir(dir: string): Promise<DirServer> {
  const root = resolve(dir);
  const files = siteFiles(false);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const answer = await answerRequest(root, files, req.method ?? 'GET', req.url ?? '/');
    res.writeHead(answer.status, answer.headers);
    if (!answer.file) return void res.end(answer.text);
    const body = await files.body(answer.file.path, answer.file.size);
    if (Buffer.isBuffer(body)) return void res.end(body);
    body.on('error', () => res.destroy()).pipe(res);
  };
  // A file that vanishes or cannot be read mid-answer: the answer is cut off.
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
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
