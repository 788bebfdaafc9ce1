/**
 * The benchmark's timing references (never used to publish): the site's own
 * config, rendering with another Markdown processor and no citation plugin,
 * so its pages show citations as raw `[@id]` text. BENCH_PROCESSOR=plain is
 * Astro's default Sätteri alone; =unified is remark + remark-gfm, which
 * rendered the site before. tests/bench/run.ts copies this file next to the
 * site's config in each build's root.
 */
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import site from './astro.config.mjs';

const processor = process.env.BENCH_PROCESSOR === 'unified' ? unified() : satteri();

export default { ...site, markdown: { ...site.markdown, processor } };
