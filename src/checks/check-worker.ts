/** Worker body for the check pool (./pool.ts): check a batch of files, return plain results. */
import { enableCompileCache } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { toPlain, type PlainResult } from './plain.ts';

// Loading the parser's few hundred small modules is a visible share of a check;
// Node's compile cache (a no-op where it cannot write) makes later runs load faster.
enableCompileCache();
const { parseArticle } = await import('./article.ts');
const { checkArticle, siteChecks } = await import('./run.ts');
// The site config is resolved once per thread, not once per file.
const site = siteChecks();

/** A batch: absolute paths, the folder message paths are relative to, and "today". */
export interface CheckBatch {
  files: string[];
  cwd: string;
  now?: string;
}

/** Check every file of the batch, in order. */
export default function checkBatch({ files, cwd, now }: CheckBatch): PlainResult[] {
  const options = { config: site.config, siteOverrides: site.overrides, now: now ? new Date(now) : undefined };
  return files.map((path) => toPlain(checkArticle(parseArticle(relative(cwd, path), readFileSync(path)), options)));
}
