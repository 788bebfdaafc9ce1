/**
 * Page weight per page type of a built site: HTML + CSS + JS + fonts a first
 * visit downloads, raw and gzip-compressed ("transferred"), against the budget.
 * Search assets under /pagefind/ are left out (they load on demand). Fonts are
 * the files of every @font-face in the page's CSS whose unicode-range covers a
 * character of the page (a browser fetches no others); woff2 is already
 * compressed, so a font's transferred size is its size.
 *
 * Usage: node src/cli/page-weight.ts [dist]   (exit code 1 when over budget)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Budgets in transferred (gzip) bytes, for every page. */
export const BUDGET = { total: 60 * 1024, js: 10 * 1024 } as const;

/** Page types by URL path, first match wins. */
export const PAGE_TYPES: ReadonlyArray<readonly [string, RegExp]> = [
  ['home', /^\/$/],
  ['explainers index', /^\/explainers\/$/],
  ['article', /^\/explainers\/.+\/$/],
  ['sources index', /^\/sources\/$/],
  ['publisher', /^\/sources\/.+\/$/],
  ['topics index', /^\/topics\/$/],
  ['topic', /^\/topics\/.+\/$/],
  ['methodology', /^\/methodology\/$/],
  ['search', /^\/search\/$/],
  ['404', /^\/404\.html$/],
];

/** Bytes on disk and after gzip. */
export interface Size {
  raw: number;
  gzip: number;
}

/** What one page costs. */
export interface PageWeight {
  path: string;
  type: string;
  html: Size;
  css: Size;
  js: Size;
  fonts: Size;
  total: Size;
}

const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };
const sizeOf = (bytes: Buffer): Size => ({ raw: bytes.length, gzip: gzipSync(bytes).length });

/** The page type of a URL path ("other" when none matches). */
export function pageType(path: string): string {
  return PAGE_TYPES.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
}

/** Local stylesheet and script URLs an HTML page loads up front. */
export function assetsOf(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  visit(fromHtml(html), 'element', (el: Element) => {
    const rel = String(el.properties.rel ?? '').split(/[\s,]+/);
    if (el.tagName === 'link' && rel.includes('stylesheet')) css.push(String(el.properties.href));
    if (el.tagName === 'link' && rel.includes('modulepreload')) js.push(String(el.properties.href));
    if (el.tagName === 'script' && typeof el.properties.src === 'string') js.push(el.properties.src);
  });
  const local = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/pagefind/');
  return { css: css.filter(local), js: js.filter(local) };
}

/** Static imports of a JS module (what the browser fetches before running it). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!).filter((s) => s.startsWith('.') || s.startsWith('/'));
}

/** `@font-face` rules of a stylesheet: the first url() of each, and its unicode-range if any. */
export function fontFaces(css: string): Array<{ url: string; ranges?: Array<[number, number]> }> {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body]) => {
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body!)?.[1];
    if (!url || /\blocal\(/.test(url)) return [];
    const range = /unicode-range\s*:\s*([^;]+)/i.exec(body!)?.[1];
    const ranges = range?.split(',').map((part): [number, number] => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!.replace(/\?/g, '0'), 16), parseInt(to!.replace(/\?/g, 'F'), 16)];
    });
    return [{ url, ...(ranges ? { ranges } : {}) }];
  });
}

/** Weigh one built page; each asset counted once, JS imports followed. */
export async function measurePage(dist: string, file: string): Promise<PageWeight> {
  const rel = `/${relative(dist, file).split(sep).join('/')}`;
  const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  const html = await readFile(file);
  const { css, js } = assetsOf(html.toString('utf8'));
  let cssSize = ZERO;
  const sheets = [...html.toString('utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({ url: rel, text: m[1]! }));
  for (const url of new Set(css)) {
    const bytes = await readFile(join(dist, decodeURIComponent(url.split(/[?#]/)[0]!)));
    cssSize = add(cssSize, sizeOf(bytes));
    sheets.push({ url, text: bytes.toString('utf8') });
  }
  // The characters the page shows (tags dropped), to tell which unicode-ranges it needs.
  const chars = new Set([...html.toString('utf8').replace(/<[^>]*>/g, '')].map((c) => c.codePointAt(0)!));
  const fontFiles = new Set<string>();
  for (const sheet of sheets) {
    for (const face of fontFaces(sheet.text)) {
      if (face.ranges && ![...chars].some((c) => face.ranges!.some(([from, to]) => c >= from && c <= to))) continue;
      fontFiles.add(new URL(face.url, `http://x${sheet.url}`).pathname);
    }
  }
  let fontSize = ZERO;
  for (const url of fontFiles) {
    const bytes = (await readFile(join(dist, decodeURIComponent(url)))).length;
    fontSize = add(fontSize, { raw: bytes, gzip: bytes });
  }
  let jsSize = ZERO;
  const seen = new Set<string>();
  const queue = [...js];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await readFile(join(dist, url));
    jsSize = add(jsSize, sizeOf(code));
    for (const spec of staticImports(code.toString('utf8'))) queue.push(new URL(spec, `http://x${url}`).pathname);
  }
  const htmlSize = sizeOf(html);
  return { path, type: pageType(path), html: htmlSize, css: cssSize, js: jsSize, fonts: fontSize, total: add(add(add(htmlSize, cssSize), jsSize), fontSize) };
}

/** Weigh every HTML page under `dist`. */
export async function measureSite(dist: string): Promise<PageWeight[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(files.map((f) => measurePage(dist, join(dist, f))));
}

/** The heaviest page of each type, in PAGE_TYPES order. */
export function heaviestByType(pages: readonly PageWeight[]): Array<PageWeight & { count: number }> {
  const order = [...PAGE_TYPES.map(([type]) => type), 'other'];
  return order.flatMap((type) => {
    const ofType = pages.filter((p) => p.type === type);
    if (ofType.length === 0) return [];
    const worst = ofType.reduce((a, b) => (b.total.gzip > a.total.gzip || (b.total.gzip === a.total.gzip && b.js.gzip > a.js.gzip) ? b : a));
    return [{ ...worst, count: ofType.length }];
  });
}

/** One message per page over budget; empty when all fit. */
export function overBudget(pages: readonly PageWeight[], budget: { total: number; js: number } = BUDGET): string[] {
  return pages.flatMap((p) => [
    ...(p.total.gzip > budget.total ? [`${p.path}: ${kb(p.total.gzip)} transferred, budget ${kb(budget.total)}`] : []),
    ...(p.js.gzip > budget.js ? [`${p.path}: ${kb(p.js.gzip)} of JavaScript transferred, budget ${kb(budget.js)}`] : []),
  ]);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table of the heaviest page per type. */
export function formatTable(pages: readonly PageWeight[]): string {
  const rows = heaviestByType(pages).map((p) =>
    `| ${p.type} (${p.count}) | ${p.path} | ${kb(p.html.gzip)} | ${kb(p.css.gzip)} | ${kb(p.js.gzip)} | ${kb(p.fonts.gzip)} | **${kb(p.total.gzip)}** | ${kb(p.total.raw)} |`,
  );
  return [
    '| Page type (pages) | Heaviest page | HTML | CSS | JS | Fonts | Total transferred (gzip) | Total raw |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Budget per page: ${kb(BUDGET.total)} transferred, of which JavaScript ${kb(BUDGET.js)}.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const dist = process.argv[2] ?? 'dist';
  let pages: PageWeight[];
  try {
    pages = await measureSite(dist);
  } catch (cause) {
    console.error(new Error(`Failed to measure the built site in ${dist}: run \`npm run build\` first.`, { cause }).message);
    process.exitCode = 2;
    return;
  }
  console.log(formatTable(pages));
  const problems = overBudget(pages);
  for (const problem of problems) console.error(`Over budget: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (import.meta.main) await main();
