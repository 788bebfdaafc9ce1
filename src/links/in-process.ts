/**
 * Serves a built site to linkinator inside the checking thread, with no
 * server and no sockets: this thread's HTTP client (undici, the one linkinator
 * itself resolves) gets a dispatcher that answers every request to `origin`
 * the way a static host would (./site-response.ts), straight from disk.
 *
 * Why not a loopback server: measured on the 1,000-explainer site, the server
 * and the HTTP framing cost about a tenth of the check's CPU time, and on a
 * busy machine a loopback request could time out while the page was fine.
 *
 * Only for a thread that does nothing else (a link check worker): undici's
 * dispatcher is per thread, and requests to any other origin fail meanwhile.
 *
 * Pages are served without their links to other sites, which this check
 * skips anyway: linkinator records every skipped link and compares each
 * repeated link against all its records, so pages listing many sources make
 * the slowest batches; measured on 1,000 explainers when one page listed every
 * source of the site, its batch took 5.8 s with them and 3.9 s without, with
 * the same verdicts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { siteUrlPattern } from './batch.ts';
import { answerRequest } from './site-response.ts';
import { siteFiles } from './site-files.ts';

/** The origin the site is served on: `.invalid` can never be a real host. */
export const IN_PROCESS_ORIGIN = 'http://built-site.invalid';

/** The part of undici's mock API used here. */
interface Reply {
  statusCode: number;
  data: Buffer | string;
  responseOptions: { headers: Record<string, string> };
}
interface Undici {
  MockAgent: new () => {
    disableNetConnect: () => void;
    get: (origin: string) => {
      intercept: (match: { path: () => boolean; method: () => boolean }) => {
        reply: (answer: (request: { path: string; method: string }) => Promise<Reply>) => { persist: () => void };
      };
    };
  };
  setGlobalDispatcher: (dispatcher: object) => void;
  getGlobalDispatcher: () => object;
}

const EXTERNAL_HREF = / href="(https?:\/\/[^"]*)"/gi;

/** `html` without the `href` attributes of links to other sites than `site`. */
export function withoutExternalHrefs(html: string, site?: string): string {
  const own = site ? siteUrlPattern(site) : undefined;
  return html.replace(EXTERNAL_HREF, (attribute, url: string) => (own?.test(url) ? attribute : ''));
}

/**
 * Answer this thread's requests to {@link IN_PROCESS_ORIGIN} from the built
 * site in `dir`, whose public address is `site`. Returns a function that puts
 * the previous dispatcher back.
 */
export function serveInProcess(dir: string, site?: string): () => void {
  const undici = createRequire(import.meta.resolve('linkinator'))('undici') as Undici;
  const root = resolve(dir);
  // The build is finished, so what is on disk can be remembered; this thread does nothing else, so it may block on the disk.
  const files = siteFiles(true, true);
  const agent = new undici.MockAgent();
  agent.disableNetConnect();
  agent
    .get(IN_PROCESS_ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply(async ({ path, method }) => {
      const answer = await answerRequest(root, files, method, path);
      const body = answer.file ? readFileSync(answer.file.path) : (answer.text ?? '');
      const html = answer.headers['content-type']?.startsWith('text/html') === true;
      const data = html ? withoutExternalHrefs(body.toString(), site) : body;
      const headers = answer.file && !Buffer.isBuffer(data) ? { ...answer.headers, 'content-length': String(Buffer.byteLength(data)) } : answer.headers;
      return { statusCode: answer.status, data, responseOptions: { headers } };
    })
    .persist();
  const before = undici.getGlobalDispatcher();
  undici.setGlobalDispatcher(agent);
  return () => undici.setGlobalDispatcher(before);
}
