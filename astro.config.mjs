// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { satteriCitations } from './src/citations/satteri-citations.ts';
import { satteriTableAlign } from './src/site/table-align.ts';
import { citationGate } from './src/integrations/citation-gate.ts';
import { publish } from './src/integrations/publish.ts';
import { siteChecks } from './src/integrations/site-checks.ts';
import { isOn, setting } from './src/config/env.ts';
import { readDatedExplainers } from './src/site/explainer-dates.ts';
import { lastModified, withLastmod } from './src/site/sitemap.ts';

// Every setting and its default is declared once, in src/config/env.ts.
const contentDir = setting('contentDir');

/**
 * Pages render with Astro's default processor, Sätteri (Rust), plus our citation plugin
 * and table alignment as classes (the CSP blocks Sätteri's inline styles).
 * The checker parses with remark and remark-gfm on its own (src/checks/), beside the render.
 * Benchmarks build with other processors through their own config (tests/bench/astro.reference.config.mjs).
 */
const processor = satteri({ mdastPlugins: [satteriCitations()], hastPlugins: [satteriTableAlign()] });

export default defineConfig({
  site: setting('siteUrl'),
  // Astro's incremental builds reuse unchanged article pages (keyed in src/site/cache-key.ts).
  // Correct (tests/site/incremental.test.ts) but opt-in: a rebuild after one edit takes 0.73x a
  // full build, but the first (cold) build 1.10x, and CI builds are always cold (see README,
  // Performance). EXPLAINERS_INCREMENTAL=1 turns it on.
  experimental: { incrementalBuild: isOn('incremental') },
  // Test fixtures and benchmarks build in parallel; each gets its own cache.
  ...(setting('astroCacheDir') ? { cacheDir: setting('astroCacheDir') } : {}),
  trailingSlash: 'always',
  markdown: {
    processor,
    // Shiki colours code with inline style attributes, which the CSP forbids.
    syntaxHighlight: false,
  },
  // Order matters: the citation gate first (a build with citation errors stops before rendering);
  // the sitemap writes into the output folder; siteChecks() then verifies the rendered pages, builds
  // the search index and checks every internal link, all three at once; publish() stays LAST and
  // swaps the checked site into the output folder.
  integrations: [
    ...(isOn('skipCitationCheck') ? [] : [citationGate({ contentDir })]),
    mdx(),
    // lastmod from each explainer's updated/published date (listing pages: their newest explainer).
    sitemap({
      filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
      serialize: withLastmod(async () => lastModified(await readDatedExplainers(contentDir))),
    }),
    siteChecks({ contentDir }),
    publish(),
  ],
  // A strict CSP as a <meta> on every page: Astro adds hashes for its own
  // styles and scripts; nothing else may run, load or frame.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
    },
  },
  vite: {
    build: {
      // Keep scripts in cacheable files instead of inline <script> (other assets: Vite's default).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        // Astro 7.3 + MDX emits a harmless MODULE_LEVEL_DIRECTIVE warning per
        // article (withastro/astro#18087); hiding only that one keeps real warnings visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
