/**
 * publishedGate: the second gate. After Astro has rendered every page, each
 * explainer page is verified as readers get it (src/published/), and the
 * build fails if any claim shows no citation, any citation is hidden or
 * broken, or a page was published from a file the checker never read.
 *
 * The first gate (citation-gate.ts) reads the Markdown; this one reads the
 * HTML, with no Markdown parser involved, so a construct the two parsers read
 * differently, or text that only exists once rendered, cannot get past both.
 * List it before the search index and the link check: a failing page should
 * stop the build before more work is done on it.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findArticles } from '../checks/files.ts';
import { isOn, SETTINGS } from '../config/env.ts';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { keepAnalysisMark, newAnalysisMark } from '../published/mark.ts';
import { verifySite } from '../published/run.ts';
import { stopBuild } from './stop.ts';

/** The report's last line: what the writer does now. */
const NEXT = 'Next: fix each explainer at the line shown, then build again (these problems show in the built pages, so `npm run check` may not list them). The site in the output folder was left as it was.';

/** Options for the gate. */
export interface PublishedGateOptions {
  /** Folder of explainers, relative to the project root. */
  contentDir: string;
}

/**
 * Incremental builds keep pages from earlier builds, so they keep one mark
 * in Astro's cache; every other build gets a new one.
 */
async function markFor(cacheDir: URL, incremental: boolean): Promise<string> {
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

/** The Astro integration. */
export function publishedGate({ contentDir }: PublishedGateOptions): AstroIntegration {
  let mark: string | undefined;
  let dir = '';
  return {
    name: 'explainers:published-gate',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        if (command !== 'build') return;
        dir = resolve(fileURLToPath(config.root), contentDir);
        mark = await markFor(config.cacheDir, config.experimental?.incrementalBuild === true);
      },
      'astro:build:done': async ({ dir: outDir, logger }) => {
        if (!mark) return;
        if (isOn('skipPublishedCheck')) {
          logger.warn(`Published-page check skipped (${SETTINGS.skipPublishedCheck.env} is set, for benchmarks only).`);
          return;
        }
        const started = performance.now();
        const checked = await findArticles([dir]);
        const { pages, results } = await verifySite({ outDir: fileURLToPath(outDir), contentDir: dir, checked, analysisMark: mark });
        const total = totals(results);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${pages} published explainer pages verified in ${seconds} s: ${summaryLine(total)}`);
        if (total.errors === 0) return;
        stopBuild(formatText(results.filter((r) => r.file.messages.length > 0), { coverage: false, next: NEXT }));
      },
    },
  };
}
