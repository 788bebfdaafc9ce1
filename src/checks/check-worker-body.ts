/**
 * The loop every pool thread runs: take the next file, check it, repeat.
 * Shared by the worker threads and the main thread.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { take, type PoolJob } from './pool.ts';
import type { CheckResult } from './run.ts';

type Checker = Pick<typeof import('./run.ts'), 'checkArticle' | 'siteChecks'>;
type Loader = Pick<typeof import('./article.ts'), 'parseArticle'>;

/** Check files from `job` until none is left; yields [file index, result]. */
export function* checkClaimed(job: PoolJob, checker: Checker, loader: Loader): Generator<[number, CheckResult]> {
  // The site config is resolved once per thread, not once per file.
  const { config, overrides } = checker.siteChecks();
  const now = job.now ? new Date(job.now) : undefined;
  for (let index = take(job); index !== undefined; index = take(job)) {
    const path = job.files[index]!;
    const article = loader.parseArticle(relative(job.cwd, path), readFileSync(path));
    yield [index, checker.checkArticle(article, { config, siteOverrides: overrides, now })];
  }
}
