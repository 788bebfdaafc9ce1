/**
 * siteChecks: the finished site is checked before publish() swaps it in, in
 * three stages whose problems are reported together, as one block:
 * - the published-page gate (./published-gate.ts), the second gate on citations,
 *   and the search index (./pagefind.ts) run at the same time: Pagefind leaves
 *   part of a core idle, and the gate needs little memory;
 * - then the internal link check (./link-check.ts), over everything, index included.
 * All three at once were faster still (0.93x in sequence, at 1,000 explainers on
 * 2 cores) but took the build's peak memory from 1.5 to 1.9 GB: Pagefind's
 * process and the link check's workers are the two largest, so they never overlap.
 *
 * List it after every integration that writes into the output folder (the sitemap)
 * and before publish(): `astro:build:done` hooks run in list order.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkCheckStage } from './link-check.ts';
import { searchIndexStage } from './pagefind.ts';
import { markFor, publishedPagesStage } from './published-gate.ts';
import { settleStages } from './stages.ts';

/** Options for {@link siteChecks}. */
export interface SiteChecksOptions {
  /** Folder of explainers, relative to the project root. */
  contentDir: string;
}

/** The Astro integration. */
export function siteChecks({ contentDir }: SiteChecksOptions): AstroIntegration {
  let mark: string | undefined;
  let dir = '';
  let site: string | undefined;
  let base = '/';
  return {
    name: 'explainers:site-checks',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        if (command !== 'build') return;
        dir = resolve(fileURLToPath(config.root), contentDir);
        // The Analysis mark must exist before any page renders (src/published/mark.ts).
        mark = await markFor(config.cacheDir, config.experimental?.incrementalBuild === true);
      },
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir: outUrl, logger }) => {
        if (!mark) return;
        const outDir = fileURLToPath(outUrl);
        const pages = publishedPagesStage(outDir, logger.fork('explainers:published-gate'), { contentDir: dir, mark });
        const search = searchIndexStage(outDir, logger.fork('explainers:pagefind'));
        // A failed stage still lets the link check run, so every problem is reported at once.
        await Promise.allSettled([pages, search]);
        const links = linkCheckStage(outDir, logger.fork('explainers:link-check'), { ...(site ? { site } : {}), base, contentDir: dir });
        await settleStages([pages, search, links]);
      },
    },
  };
}
