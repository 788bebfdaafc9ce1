/**
 * The second gate. After Astro has rendered every page, each explainer page
 * is verified as readers get it (src/published/), and the build fails if any
 * claim shows no citation, any citation is hidden or broken, or a page was
 * published from a file the checker never read.
 *
 * The first gate (citation-gate.ts) reads the Markdown; this one reads the
 * HTML, with no Markdown parser involved, so a construct the two parsers read
 * differently, or text that only exists once rendered, cannot get past both.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findArticles } from '../checks/files.ts';
import { isOn, SETTINGS } from '../config/env.ts';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { keepAnalysisMark, newAnalysisMark } from '../published/mark.ts';
import { verifySite } from '../published/run.ts';
import type { StageLogger } from './stages.ts';

/** The report's last line: what the writer does now. */
const NEXT = 'Next: fix each explainer at the line shown, then build again (these problems show in the built pages, so `npm run check` may not list them). The site in the output folder was left as it was.';

/**
 * Incremental builds keep pages from earlier builds, so they keep one mark
 * in Astro's cache (`cacheDir`); every other build gets a new one.
 */
export async function markFor(cacheDir: URL, incremental: boolean): Promise<string> {
  const mark = newAnalysisMark();
  if (!incremental) return mark;
  const file = join(fileURLToPath(cacheDir), 'explainers-analysis-mark');
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (kept) {
    keepAnalysisMark(kept);
    return kept;
  }
  await mkdir(fileURLToPath(cacheDir), { recursive: true });
  await writeFile(file, mark);
  return mark;
}

/**
 * The gate as a stage of the finished-site checks (./site-checks.ts): verify every
 * explainer page in `outDir`, built from `contentDir` (absolute) with `mark`.
 * Resolves to the failure report, or undefined when every page passes.
 */
export async function publishedPagesStage(outDir: string, logger: StageLogger, { contentDir, mark }: { contentDir: string; mark: string }): Promise<string | undefined> {
  if (isOn('skipPublishedCheck')) {
    logger.warn(`Published-page check skipped (${SETTINGS.skipPublishedCheck.env} is set, for benchmarks only).`);
    return undefined;
  }
  const started = performance.now();
  const checked = await findArticles([contentDir]);
  const { pages, results } = await verifySite({ outDir, contentDir, checked, analysisMark: mark });
  const total = totals(results);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`${pages} published explainer pages verified in ${seconds} s: ${summaryLine(total)}`);
  if (total.errors === 0) return undefined;
  return formatText(results.filter((r) => r.file.messages.length > 0), { coverage: false, next: NEXT });
}
