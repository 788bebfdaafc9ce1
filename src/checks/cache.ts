/**
 * A result cache for `npm run check`, like `eslint --cache`: a file whose
 * bytes have not changed since the last run keeps its last result, so a
 * writer re-checking after one edit waits for one file, not the whole site.
 *
 * Safe by construction rather than by bookkeeping. A result is reused only
 * when the file's bytes, its displayed path, and the whole checker are the
 * same: the key covers every source file under `src/` (the rules, the schema,
 * `src/config/checks.ts`), the lockfile (the parser's version), the Node
 * version and today's date (`accessed` must not be in the future). Every
 * rule looks at one article only, so no other file can change a result.
 * A missing, unreadable or foreign cache file just means a cold run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setting } from '../config/env.ts';
import { fromPlain, toPlain, type PlainResult } from './plain.ts';
import type { CheckResult } from './run.ts';

/** The project the checker belongs to. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the cache lives: the project's own `node_modules/.cache`, never the writer's folders.
 * `EXPLAINERS_CHECK_CACHE` names another file (tests give each build its own).
 */
export const DEFAULT_CACHE = setting('checkCache') || join(ROOT, 'node_modules/.cache/explainers-check/results.json');

/** The stored form: one checker key, and per file its content hash and result. */
interface CacheFile {
  version: 1;
  checker: string;
  files: Record<string, { hash: string; result: PlainResult }>;
}

function hashOf(...parts: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Every file under `dir`, sorted, so the key does not depend on listing order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The key of the checker itself: the code and config under `root/src`, the
 * lockfile, the Node version and the day of `now` (UTC).
 */
export function checkerKey(now: Date, root = ROOT): string {
  const parts: Array<string | Buffer> = [process.version, now.toISOString().slice(0, 10)];
  for (const file of filesUnder(join(root, 'src'))) parts.push(relative(root, file), readFileSync(file));
  try {
    parts.push(readFileSync(join(root, 'package-lock.json')));
  } catch {
    parts.push('no lockfile');
  }
  return hashOf(...parts);
}

/** Read the cache for this checker; anything unusable reads as empty. */
function load(path: string, checker: string): CacheFile['files'] {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    if (data.version === 1 && data.checker === checker && data.files && typeof data.files === 'object') return data.files;
  } catch {
    // No cache yet, or one we cannot read: a cold run.
  }
  return {};
}

/** Write atomically (write-file-atomic), so an interrupted run never leaves half a cache. */
function save(path: string, content: CacheFile): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic.sync(path, JSON.stringify(content));
    return true;
  } catch {
    return false;
  }
}

/** What {@link checkWithCache} did, for the CLI's one-line note. */
export interface CacheStats {
  reused: number;
  checked: number;
  /** False when the cache could not be written (a read-only folder): the results are still right. */
  saved: boolean;
}

/**
 * Check `files` (absolute paths), reusing the cached result of every file
 * whose bytes and displayed path are unchanged; `check` runs on the rest.
 * Results come back in the order of `files`.
 */
export async function checkWithCache(
  files: string[],
  check: (files: string[]) => Promise<CheckResult[]>,
  options: { /** The cache file (default {@link DEFAULT_CACHE}). */ cache?: string; cwd?: string; now?: Date } = {},
): Promise<{ results: CheckResult[]; stats: CacheStats }> {
  const cwd = options.cwd ?? process.cwd();
  const path = options.cache ?? DEFAULT_CACHE;
  const checker = checkerKey(options.now ?? new Date());
  const stored = load(path, checker);
  const results: CheckResult[] = new Array(files.length);
  const hashFile = (file: string) => {
    try {
      return hashOf(relative(cwd, file), readFileSync(file));
    } catch {
      return undefined; // Unreadable: let the checker report it.
    }
  };
  const hashes = files.map(hashFile);
  const missing: number[] = [];
  files.forEach((file, i) => {
    const entry = stored[file];
    if (hashes[i] !== undefined && entry?.hash === hashes[i]) results[i] = fromPlain(entry.result);
    else missing.push(i);
  });
  const fresh = missing.length > 0 ? await check(missing.map((i) => files[i]!)) : [];
  // Entries of files outside this run stay (`npm run check -- one.mdx` keeps the rest), unless the file is gone.
  const kept: CacheFile['files'] = {};
  for (const [file, entry] of Object.entries(stored)) if (existsSync(file)) kept[file] = entry;
  missing.forEach((fileIndex, i) => {
    const result = fresh[i]!;
    results[fileIndex] = result;
    const hash = hashes[fileIndex];
    // Saved while being checked? Then the result may belong to other bytes: not stored.
    if (hash !== undefined && hashFile(files[fileIndex]!) === hash) kept[files[fileIndex]!] = { hash, result: toPlain(result) };
    else delete kept[files[fileIndex]!];
  });
  const saved = save(path, { version: 1, checker, files: kept });
  return { results, stats: { reused: files.length - missing.length, checked: missing.length, saved } };
}
