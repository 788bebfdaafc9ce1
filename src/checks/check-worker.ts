/** Worker thread body for the check pool: check a chunk of files, post plain results. */
import { parentPort, workerData } from 'node:worker_threads';
import { relative } from 'node:path';
import { loadArticle } from './article.ts';
import { toPlain } from './pool.ts';
import { checkArticle, siteChecks } from './run.ts';

const { files, cwd, now } = workerData as { files: string[]; cwd: string; now?: string };
// The site config is resolved once per worker, not once per file.
const { config, overrides } = siteChecks();
const results = [];
for (const path of files) {
  const result = checkArticle(await loadArticle(path, relative(cwd, path)), { config, siteOverrides: overrides, now: now ? new Date(now) : undefined });
  results.push(toPlain(result));
}
parentPort?.postMessage(results);
