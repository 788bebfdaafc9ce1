/**
 * siteChecks: the finished site is checked before publish() swaps it in. Three
 * stages read the built pages and nothing else, so they run at the same time:
 * - the published-page gate (./published-gate.ts), the second gate on citations;
 * - the search index (./pagefind.ts), written to its own folder;
 * - the internal link check (./link-check.ts), which leaves that folder out.
 * Measured at 1,000 explainers on 2 cores, all three took 7.2 s at once against
 * 7.9 s one after another (Pagefind leaves part of a core idle, and each stage's
 * start-up and tail overlap another's work). Problems of every stage are
 * reported together, as one block.
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
        await settleStages([
          publishedPagesStage(outDir, logger.fork('explainers:published-gate'), { contentDir: dir, mark }),
          searchIndexStage(outDir, logger.fork('explainers:pagefind')),
          linkCheckStage(outDir, logger.fork('explainers:link-check'), { ...(site ? { site } : {}), base, contentDir: dir }),
        ]);
      },
    },
  };
}
