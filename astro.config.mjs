// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkCitations } from './src/citations/remark-citations.ts';

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
    // Shiki colours code with inline style attributes, which the CSP forbids.
    syntaxHighlight: false,
  },
  integrations: [mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })],
  // A strict CSP as a <meta> on every page: Astro adds hashes for its own
  // styles and scripts; nothing else may run, load or frame.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
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
