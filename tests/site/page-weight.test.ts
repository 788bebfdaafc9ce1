/**
 * The page-weight budget, as part of `npm test`: the sample site is built and
 * every page must stay within 60 KB transferred (HTML + CSS + JS + fonts), of
 * which at most 10 KB JavaScript. The measuring itself is checked on a hand-made site.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, formatTable, heaviestByType, measureSite, overBudget, type PageWeight } from '../../src/cli/page-weight.ts';
import { buildSite, ROOT, run } from '../helpers/site.ts';
import { generateCorpus } from '../bench/corpus.ts';

describe('page weight of the sample site', () => {
  let pages: PageWeight[];
  let outDir: string;
  beforeAll(async () => {
    const build = await buildSite(join(ROOT, 'content/explainers'));
    expect(build.ok, build.output).toBe(true);
    outDir = build.outDir;
    pages = await measureSite(outDir);
    console.log(`\n${formatTable(pages)}\n`);
  }, 120_000);

  it('measures every page type the site has', () => {
    const types = heaviestByType(pages).map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['home', 'article', 'sources index', 'publisher', 'topics index', 'topic', 'methodology', '404']));
    const article = pages.find((p) => p.type === 'article');
    // The source-card script is counted on article pages; only they and the search page load JavaScript.
    expect(article?.js.raw).toBeGreaterThan(1000);
    // The self-hosted serif is counted on every page: at least its regular and italic.
    for (const page of pages) expect(page.fonts.raw, page.path).toBeGreaterThan(20_000);
    expect(pages.filter((p) => p.js.raw > 0).map((p) => p.type).filter((t, i, all) => all.indexOf(t) === i).sort()).toEqual(
      pages.some((p) => p.type === 'search') ? ['article', 'search'] : ['article'],
    );
  });

  it('keeps every page within budget: 60 KB transferred, 10 KB JavaScript', () => {
    expect(overBudget(pages)).toEqual([]);
  });

  it('keeps the source-card script under its 5 KB target', () => {
    const article = pages.find((p) => p.type === 'article');
    expect(article?.js.raw).toBeLessThan(5 * 1024);
  });

  it('the CLI prints the table and exits 0 within budget', async () => {
    const { code, output } = await run(join(ROOT, 'node_modules/.bin/node'), ['src/cli/page-weight.ts', outDir]);
    expect(code).toBe(0);
    expect(output).toMatch(/\| article \(3\) \| \/explainers\//);
  }, 30_000);
});

describe('page weight of a long article', () => {
  it('stays within budget with 60 sources and ~1,200 words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weight-corpus-'));
    await generateCorpus({ n: 2, dir, sources: 60 });
    const build = await buildSite(dir);
    expect(build.ok, build.output).toBe(true);
    const pages = await measureSite(build.outDir);
    const articles = pages.filter((p) => p.type === 'article');
    expect(articles).toHaveLength(2);
    console.log(`\n${formatTable(articles)}\n`);
    expect(Math.min(...articles.map((p) => p.html.raw))).toBeGreaterThan(40_000);
    expect(overBudget(pages)).toEqual([]);
  }, 180_000);
});

describe('page weight measuring', () => {
  it('adds HTML, stylesheets and scripts with their static imports once each, and flags pages over budget', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'weight-'));
    await mkdir(join(dist, '_astro'), { recursive: true });
    await mkdir(join(dist, 'explainers/big'), { recursive: true });
    // Two faces: one for every character of the page, one for accented letters only (which the page lacks).
    const css = `${'body{color:red}'.repeat(10)}@font-face{font-family:F;src:url(../fonts/f.woff2) format("woff2");unicode-range:U+0020-007E}@font-face{font-family:F;src:url('/fonts/f-accents.woff2');unicode-range:U+00C0-00FF}`;
    await mkdir(join(dist, 'fonts'), { recursive: true });
    await writeFile(join(dist, 'fonts/f.woff2'), randomBytes(3000));
    await writeFile(join(dist, 'fonts/f-accents.woff2'), randomBytes(5000));
    const main = 'import{a}from"./chunk.js";import"./chunk.js";console.log(a);';
    const chunk = 'export const a=1;';
    const lazy = 'export const never=1;'.repeat(100);
    await writeFile(join(dist, '_astro/site.css'), css);
    await writeFile(join(dist, '_astro/main.js'), `${main}const later=()=>import("./lazy.js");`);
    await writeFile(join(dist, '_astro/chunk.js'), chunk);
    await writeFile(join(dist, '_astro/lazy.js'), lazy);
    const html = '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/main.js"></script><script src="/pagefind/pagefind-ui.js"></script><p>hi</p>';
    await writeFile(join(dist, 'index.html'), html);
    // Random text does not compress: a page over the transferred budget.
    const noise = randomBytes(80_000).toString('base64');
    await writeFile(join(dist, 'explainers/big/index.html'), `<!doctype html><p>${noise}</p>`);
    await mkdir(join(dist, 'topics'), { recursive: true });
    await writeFile(join(dist, 'topics/index.html'), '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><p>The Élysée</p>');

    const pages = await measureSite(dist);
    const home = pages.find((p) => p.path === '/')!;
    expect(home.type).toBe('home');
    expect(home.html.raw).toBe(Buffer.byteLength(html));
    expect(home.css.raw).toBe(css.length);
    const mainBytes = await readFile(join(dist, '_astro/main.js'));
    expect(home.js.raw).toBe(mainBytes.length + chunk.length);
    expect(home.js.gzip).toBe(gzipSync(mainBytes).length + gzipSync(chunk).length);
    // A font is transferred as it is (woff2 is compressed already), and only when the page needs it.
    expect(home.fonts).toEqual({ raw: 3000, gzip: 3000 });
    expect(home.total.raw).toBe(home.html.raw + home.css.raw + home.js.raw + home.fonts.raw);
    expect(home.total.gzip).toBe(home.html.gzip + home.css.gzip + home.js.gzip + 3000);
    expect(pages.find((p) => p.path === '/topics/')!.fonts.raw).toBe(8000);

    const big = pages.find((p) => p.path === '/explainers/big/')!;
    expect(big.type).toBe('article');
    expect(big.total.gzip).toBeGreaterThan(BUDGET.total);
    expect(overBudget(pages)).toEqual([expect.stringMatching(/^\/explainers\/big\/: \d+\.\d KB transferred, budget 60\.0 KB$/)]);
    expect(overBudget(pages, { total: 1e9, js: 10 })).toEqual([expect.stringMatching(/^\/: .* of JavaScript transferred, budget 0\.0 KB$/)]);

    const { code, output } = await run(join(ROOT, 'node_modules/.bin/node'), ['src/cli/page-weight.ts', dist]);
    expect(code).toBe(1);
    expect(output).toContain('Over budget: /explainers/big/');
  }, 30_000);
});
