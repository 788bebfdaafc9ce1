/**
 * Runs the published-page gate over a built site: every explainer page is
 * verified as readers get it (./verify.ts), and each problem is reported
 * against the `.mdx` file it came from, at the line its text starts on when
 * that can be found, in the checker's own message format.
 */
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import Piscina from 'piscina';
import { VFile } from 'vfile';
import { report } from '../checks/report.ts';
import { placer, type Place } from '../schema/place.ts';
import type { CheckResult } from '../checks/run.ts';
import verifyBatch, { type PageBatch } from './page-worker.ts';
import { PAGE_CHECKS } from './rules.ts';
import type { PageProblem } from './verify.ts';

/** Below this many pages, starting threads costs more than it saves. */
const MIN_PAGES_FOR_THREADS = 64;

/**
 * Every page's problems, in `slugs` order. Large sites are judged on one
 * thread per core (piscina), in batches several per thread so a slow batch
 * never leaves a core idle: at 1,000 pages that halves the gate's time here.
 */
async function judge(batch: PageBatch): Promise<PageProblem[][]> {
  const threads = availableParallelism();
  if (batch.slugs.length < MIN_PAGES_FOR_THREADS || threads < 2) return verifyBatch(batch);
  const pool = new Piscina({ filename: new URL('./page-worker.ts', import.meta.url).href, maxThreads: threads, minThreads: threads });
  try {
    const size = Math.ceil(batch.slugs.length / (threads * 4));
    const parts: Array<Promise<PageProblem[][]>> = [];
    for (let i = 0; i < batch.slugs.length; i += size) parts.push(pool.run({ ...batch, slugs: batch.slugs.slice(i, i + size) } satisfies PageBatch));
    return (await Promise.all(parts)).flat();
  } finally {
    await pool.destroy();
  }
}

const MAX_PER_PAGE = 50;

/** Options of {@link verifySite}. */
export interface VerifySiteOptions {
  /** The built site. */
  outDir: string;
  /** The explainers folder the pages were built from. */
  contentDir: string;
  /** The explainer files the checker read (absolute paths); a page with none is refused. */
  checked: readonly string[];
  /** The build's Analysis mark (see Analysis.astro). */
  analysisMark: string;
  /** Message paths are relative to this folder. */
  cwd?: string;
}

/** What one run found. */
export interface SiteVerdict {
  pages: number;
  results: CheckResult[];
}

/** The explainer pages of a built site, as slugs (`e3-talks`, `folder/e3-talks`). */
export async function explainerPages(outDir: string): Promise<string[]> {
  const root = join(outDir, 'explainers');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name === 'index.html' && entry.parentPath !== root)
    .map((entry) => relative(root, entry.parentPath).split(sep).join('/'))
    .sort();
}

/**
 * The 1-based line of the file where `text` starts, when a run of its first
 * words can be found (one word is enough when it is long, like an address).
 * The body is searched first, so a title repeated in the text is found there.
 */
export function lineOf(source: string, text: string | undefined, place: (offset: number) => Place = placer(source)): number {
  const words = (text ?? '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const body = source.search(/\n---\s*\n/) + 1;
  for (let n = Math.min(words.length, 8); n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ');
    if (n === 1 && phrase.length < 8) break;
    let at = source.indexOf(phrase, body);
    if (at === -1) at = source.indexOf(phrase);
    if (at !== -1) return place(at).line;
  }
  return 1;
}

/** Verify every explainer page under `outDir`; results are per source file, like the checker's. */
export async function verifySite({ outDir, contentDir, checked, analysisMark, cwd = process.cwd() }: VerifySiteOptions): Promise<SiteVerdict> {
  const slugs = await explainerPages(outDir);
  const known = new Set(checked.map((path) => relative(contentDir, path).replace(/\.mdx$/, '').split(sep).join('/')));
  const verdicts = await judge({ outDir, slugs, analysisMark });
  const results = await Promise.all(
    slugs.map(async (slug, index): Promise<CheckResult> => {
      const path = join(contentDir, `${slug}.mdx`);
      const file = new VFile({ path: relative(cwd, path) });
      if (!known.has(slug)) {
        report(file, 'error', PAGE_CHECKS.withoutFile.id, { line: 1, column: 1 }, `The page /explainers/${slug}/ was published, but the checks never read an explainer for it`, 'keep every explainer as a plain .mdx file in the explainers folder (no links to other folders)');
        return { file, overrides: [] };
      }
      const problems = verdicts[index]!;
      if (problems.length === 0) return { file, overrides: [] };
      const source = await readFile(path, 'utf8').catch(() => '');
      // A hostile page can break the rules thousands of times; the first ones say enough.
      if (problems.length > MAX_PER_PAGE) {
        report(file, 'error', PAGE_CHECKS.structure.id, { line: 1, column: 1 }, `The published page breaks these rules ${problems.length - MAX_PER_PAGE} more times`, 'fix the problems listed and build again');
        problems.length = MAX_PER_PAGE;
      }
      const place = placer(source);
      for (const problem of problems) report(file, 'error', problem.ruleId, { line: lineOf(source, problem.text, place), column: 1 }, problem.message, problem.hint);
      file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      return { file, overrides: [] };
    }),
  );
  return { pages: slugs.length, results };
}
