/**
 * The internal link check, a stage of the finished-site checks (./site-checks.ts):
 * every internal link, asset and `#fragment` of the built site, search index
 * included, offline; any broken one fails the build.
 *
 * The `skipLinkCheck` setting (src/config/env.ts) skips it, e.g. for benchmarks.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatBrokenLinks } from '../links/broken.ts';
import { checkInternalLinks } from '../links/internal.ts';
import { isOn, SETTINGS } from '../config/env.ts';
import type { StageLogger } from './stages.ts';

/** What the stage needs to know about the site. */
export interface LinkStageOptions {
  /** The site's public address (Astro `site`). */
  site?: string;
  /** Astro `base`, e.g. `/`. */
  base: string;
  /** Folder holding the explainer sources, to name the file behind a broken page. */
  contentDir: string;
}

/** Check the built site in `outDir`; resolves to the failure report, or undefined when no link is broken. */
export async function linkCheckStage(outDir: string, logger: StageLogger, options: LinkStageOptions): Promise<string | undefined> {
  if (isOn('skipLinkCheck')) {
    logger.warn(`Internal link check skipped (${SETTINGS.skipLinkCheck.env} is set).`);
    return undefined;
  }
  const started = performance.now();
  const result = await checkInternalLinks({ dir: outDir, ...(options.site ? { site: options.site } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.broken.length === 0) {
    logger.info(`No broken internal links: ${result.checked} URLs from ${result.pages} pages checked in ${seconds}s.`);
    return undefined;
  }
  const contentDir = resolve(options.contentDir);
  const explainerPage = new RegExp(`^${options.base.replace(/\/?$/, '/')}explainers/(.+?)/$`);
  const sourceOf = (page: string): string | undefined => {
    const slug = explainerPage.exec(page)?.[1];
    const file = slug ? join(contentDir, `${slug}.mdx`) : undefined;
    if (!file || !existsSync(file)) return undefined;
    const shown = relative(process.cwd(), file);
    return shown.startsWith('..') ? file : shown;
  };
  const count = result.broken.length;
  return [
    ...formatBrokenLinks(result.broken, sourceOf),
    `Found ${count} broken internal link${count === 1 ? '' : 's'} (listed above).`,
    'Next: fix each link, or restore the page or anchor it points to, then build again. The site in the output folder was left as it was.',
  ].join('\n');
}
