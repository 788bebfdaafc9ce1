/**
 * Search benchmark on a synthetic site (default 1,000 explainers), in one run:
 * - Astro build time without the index, next to Pagefind indexing time of the same output;
 * - index bytes per article;
 * - bytes a reader downloads for a first query, summed from the responses the browser saw.
 *
 *   npx node tests/bench/search.bench.ts [--n 1000] [--seed 1] [--query ceasefire] [--keep]
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.ts';
import { formatBytes, indexSite, SKIP_ENV } from '../../src/integrations/pagefind.ts';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { serveDir } from '../helpers/static-server.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', multiple: true, default: ['ceasefire', 'reactor inspectors'] },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One response of a page visit: where it came from and how many bytes it carried. */
interface Fetched {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Open `/search/?q=…` in a fresh browser context (empty cache), wait for the
 * results, and sum the bodies of every response the page and its worker received.
 */
async function firstQuery(url: string, outDir: string, query: string) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending: Array<Promise<Fetched>> = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      pending.push(
        (async () => {
          // Worker responses may not expose a body; the static server sends files verbatim, so the file size is exact.
          const body = await response.body().catch(async () => readFile(join(outDir, path.endsWith('/') ? `${path}index.html` : path)));
          // Pagefind's index files and WebAssembly are gzip already; a host would compress only the text assets.
          const compressible = /\.(html|css|js|json)$|\/$/.test(path);
          return { path, bytes: body.byteLength, gzipBytes: compressible ? gzipSync(body).byteLength : body.byteLength };
        })(),
      );
    });
    const started = performance.now();
    await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60_000 });
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const fetched = await Promise.all(pending);
    const status = await page.locator('#search-status').textContent();
    const shown = await page.locator('.search-result').count();
    await context.close();
    return { query, ms, status, shown, fetched };
  } finally {
    await browser.close();
  }
}

const sum = (list: readonly Fetched[], key: 'bytes' | 'gzipBytes') => list.reduce((total, f) => total + f[key], 0);

const work = await mkdtemp(join(tmpdir(), 'search-bench-'));
const corpus = join(work, 'corpus');
await generateCorpus({ n, seed: Number(values.seed), dir: corpus });
console.log(`Corpus: ${n} explainers in ${corpus}`);

let started = performance.now();
const build = await buildSite(corpus, { [SKIP_ENV]: '1' });
const astroMs = performance.now() - started;
if (!build.ok) {
  console.error(build.output);
  throw new Error('The benchmark site did not build.');
}

started = performance.now();
const stats = await indexSite(build.outDir);
const pagefindMs = performance.now() - started;

console.log(`\nBuild (${n} explainers, same output folder, one run)`);
console.log(`  Astro build (no index):  ${seconds(astroMs)}`);
console.log(`  Pagefind indexing:       ${seconds(pagefindMs)}  (${((pagefindMs / astroMs) * 100).toFixed(0)}% of the Astro build)`);
console.log(`  Pages indexed:           ${stats.pages}`);
console.log(`  Index data:              ${formatBytes(stats.indexBytes)}  = ${formatBytes(Math.round(stats.indexBytes / stats.pages))} per article`);
console.log(`  Whole /pagefind/ bundle: ${formatBytes(stats.bundleBytes)} (scripts, WebAssembly and unused UI bundles included)`);
const pagefindJs = (await stat(join(stats.outputPath, 'pagefind.js'))).size;
console.log(`  pagefind.js:             ${formatBytes(pagefindJs)}`);

const unavailable = browserUnavailable();
if (unavailable) {
  console.log(`\nFirst-query bytes NOT MEASURED: ${unavailable}`);
} else {
  const server = await serveDir(build.outDir);
  try {
    for (const query of values.query) {
      const visit = await firstQuery(server.url, build.outDir, query);
      const pagefind = visit.fetched.filter((f) => f.path.startsWith('/pagefind/'));
      console.log(`\nFirst query “${query}” (fresh cache): ${visit.status} ${visit.shown} shown, results after ${Math.round(visit.ms)} ms`);
      console.log(`  Everything (page, CSS, JS, Pagefind): ${formatBytes(sum(visit.fetched, 'bytes'))} raw, ${formatBytes(sum(visit.fetched, 'gzipBytes'))} with gzip on text`);
      console.log(`  Pagefind only (${pagefind.length} files):        ${formatBytes(sum(pagefind, 'bytes'))} raw, ${formatBytes(sum(pagefind, 'gzipBytes'))} with gzip on text`);
      const groups = new Map<string, number>();
      for (const f of pagefind) {
        const group = f.path.replace(/^\/pagefind\//, '').replace(/(_|\.)[0-9a-f]{6,}.*$|\?.*$/, '');
        groups.set(group, (groups.get(group) ?? 0) + f.bytes);
      }
      for (const [group, bytes] of groups) console.log(`    ${group.padEnd(22)} ${formatBytes(bytes)}`);
      const budget = 300 * 1024;
      console.log(`  Target < 300 kB: ${sum(visit.fetched, 'bytes') < budget ? 'met' : 'MISSED'} (raw, everything)`);
    }
  } finally {
    await server.close();
  }
}
if (values.keep) console.log(`\nCorpus kept in ${corpus}, site in ${build.outDir}`);
else await Promise.all([rm(work, { recursive: true, force: true }), rm(dirname(build.outDir), { recursive: true, force: true })]);
