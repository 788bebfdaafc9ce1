/**
 * Finding explainers and checking many of them. Light on purpose: it loads
 * the parser only when it checks in-process, so the CLI can start the
 * worker threads before paying for its own module loading.
 */
import { glob } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { checkInPool, poolAvailable, type PoolOptions } from './pool.ts';
import type { CheckOptions, CheckResult } from './run.ts';

/** The explainer files under `dir` (or the given files and folders), sorted. */
export async function findArticles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    if (path.endsWith('.mdx')) found.add(resolve(path));
    else for await (const entry of glob('**/*.mdx', { cwd: path })) found.add(resolve(path, entry));
  }
  return [...found].sort();
}

/**
 * Check many files; paths in messages are relative to `cwd`. `pool.background`
 * keeps the calling thread free when worker threads can do the work.
 */
export async function checkFiles(files: string[], options: CheckOptions = {}, cwd = process.cwd(), pool: Pick<PoolOptions, 'background'> = {}): Promise<CheckResult[]> {
  // Worker threads use the site config; a custom config runs in-process.
  if (!options.config && poolAvailable(files.length)) return checkInPool(files, cwd, { now: options.now, ...pool });
  const { checkArticle, siteChecks } = await import('./run.ts');
  const { loadArticle } = await import('./article.ts');
  const resolved = options.config ? undefined : siteChecks();
  const site = resolved ? { ...options, config: resolved.config, siteOverrides: resolved.overrides } : options;
  return Promise.all(files.map(async (path) => checkArticle(await loadArticle(path, relative(cwd, path)), site)));
}
