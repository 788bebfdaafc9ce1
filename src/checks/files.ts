/**
 * Finding explainers and checking many of them. Light on purpose: it loads
 * the parser only when it checks in-process, so the CLI can start the
 * worker threads before paying for its own module loading.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { slugProblem } from '../schema/slug.ts';
import { checkInPool, poolAvailable, type PoolOptions } from './pool.ts';
import { NOTICES } from '../schema/notices.ts';
import { report } from './report.ts';
import type { CheckOptions, CheckResult } from './types.ts';

/**
 * The explainer files under each folder (or the given files), sorted. Symbolic
 * links are not followed: `explainerFileProblems` refuses them instead.
 */
export async function findArticles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    if (path.endsWith('.mdx')) found.add(resolve(path));
    else for (const entry of await entries(path)) if (entry.isFile() && entry.name.endsWith('.mdx')) found.add(resolve(entry.parentPath, entry.name));
  }
  return [...found].sort();
}

/**
 * Every entry under `dir`. `readdir` rather than `fs.glob`: the file list must see symbolic
 * links as links (to refuse them), and `fs.glob` follows or skips them without saying which.
 */
async function entries(dir: string) {
  try {
    return await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}

const LOOKS_LIKE_AN_EXPLAINER = /\.(?:mdx?|markdown)$/i;

/**
 * Problems with the files in an explainers folder, one result per file: a
 * symbolic link (Astro would publish what it points to, unchecked), a name
 * that is not a web address (Astro would rename it, and `Talks.mdx` and
 * `talks.mdx` would share one page), a name Astro does not publish
 * (`talks.md`, `talks.MDX`). Paths in messages are relative to `cwd`.
 */
export async function explainerFileProblems(dir: string, cwd = process.cwd()): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const problem = (path: string, message: string, hint: string) => {
    const file = new VFile({ path: relative(cwd, path) });
    report(file, 'error', NOTICES.fileName.id, { line: 1, column: 1 }, message, hint);
    results.push({ file, overrides: [] });
  };
  for (const entry of await entries(dir)) {
    const path = join(entry.parentPath, entry.name);
    const inside = relative(dir, path);
    if (entry.isSymbolicLink()) {
      problem(path, `${inside} is a link to another place, which the checks do not follow`, 'move the real file or folder into the explainers folder instead of linking to it');
      continue;
    }
    if (!entry.isFile() || !LOOKS_LIKE_AN_EXPLAINER.test(entry.name)) continue;
    if (!entry.name.endsWith('.mdx')) {
      problem(path, `${inside} is not published: explainer files end in .mdx`, `rename it to ${entry.name.replace(LOOKS_LIKE_AN_EXPLAINER, '.mdx').toLowerCase()}`);
      continue;
    }
    const segments = inside.slice(0, -'.mdx'.length).split(sep);
    const bad = segments.map((segment) => slugProblem(segment)).find(Boolean);
    if (bad) {
      problem(path, `The name ${inside} cannot be a web address: ${bad}`, 'rename the file to lowercase words joined by hyphens, e.g. geneva-talks.mdx');
    }
  }
  results.sort((a, b) => a.file.path.localeCompare(b.file.path));
  return results;
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
