/**
 * Astro integration: after every build, check every internal link, asset and
 * `#fragment` of the built site, offline, and fail the build on any broken one.
 *
 * List it LAST in `integrations` in astro.config.mjs: `astro:build:done`
 * hooks run in list order, and the check must see the finished output,
 * including the search index written by the search integration.
 *
 * The `skipLinkCheck` setting (src/config/env.ts) skips it, e.g. for benchmarks; it is on by default.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBrokenLinks } from '../links/broken.ts';
import { checkInternalLinks } from '../links/internal.ts';
import { isOn, setting, SETTINGS } from '../config/env.ts';
import { stopBuild } from './stop.ts';

/** Options for {@link linkCheck}. */
export interface LinkCheckOptions {
  /** Folder holding the explainer sources, to name the file behind a broken page. */
  contentDir?: string;
}

/** The built-in internal link check as an Astro integration. */
export function linkCheck(options: LinkCheckOptions = {}): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'explainers:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (isOn('skipLinkCheck')) {
          logger.warn(`Internal link check skipped (${SETTINGS.skipLinkCheck.env} is set).`);
          return;
        }
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const result = await checkInternalLinks({ dir: outDir, ...(site ? { site } : {}) });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (result.broken.length === 0) {
          logger.info(`No broken internal links: ${result.checked} URLs from ${result.pages} pages checked in ${seconds}s.`);
          return;
        }
        const contentDir = resolve(options.contentDir ?? setting('contentDir'));
        const sourceOf = (page: string): string | undefined => {
          const slug = new RegExp(`^${base.replace(/\/?$/, '/')}explainers/(.+?)/$`).exec(page)?.[1];
          const file = slug ? join(contentDir, `${slug}.mdx`) : undefined;
          if (!file || !existsSync(file)) return undefined;
          const shown = relative(process.cwd(), file);
          return shown.startsWith('..') ? file : shown;
        };
        for (const line of formatBrokenLinks(result.broken, sourceOf)) logger.error(line);
        const count = result.broken.length;
        stopBuild(
          `Found ${count} broken internal link${count === 1 ? '' : 's'} (listed above).\n` +
            'Next: fix each link, or restore the page or anchor it points to, then build again. The site in the output folder was left as it was.',
        );
      },
    },
  };
}
