// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkCitations } from './src/citations/remark-citations.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

/** The public address of the site, used for canonical URLs and feeds. */
const site = process.env.SITE_URL ?? 'https://explainers.example.org';

export default defineConfig({
  site,
  // Test fixtures and benchmarks build in parallel; each gets its own cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  markdown: {
    // Astro 7 renders with Sätteri by default, which ignores remark plugins.
    // Our citation plugin and remark-gfm only run under the unified processor.
    // gfm: false because we add the same remark-gfm the checker parses with.
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm, remarkCitations] }),
  },
  // pagefindIntegration indexes the finished pages, so it stays after anything that writes HTML.
  integrations: [mdx(), pagefindIntegration()],
  vite: {
    build: {
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
