/**
 * `npm run bench`: times every stage of the real pipeline on a synthetic
 * corpus, next to baselines measured in the same run, and checks the ratio
 * budgets. Writes bench-results.json. Not part of `npm test`.
 *
 *   npm run bench -- [--n 1000] [--seed 1] [--repeat 1] [--scale] [--keep]
 *
 * With --repeat R, the builds, the parse and the check each run R times
 * (interleaved, so drift on a shared machine hits all alike) and the fastest counts.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMdx } from '../../src/checks/article.ts';
import { generateCorpus } from './corpus.ts';
import { measure, seconds, timeIt, type Measurement } from './measure.ts';
import { isolatedRoot, ROOT } from '../helpers/site.ts';
import { machine, printTable, type Row } from './report.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, repeat: { type: 'string', default: '1' }, scale: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});
const n = Number(values.n);
const seed = Number(values.seed);
const repeat = Math.max(1, Number(values.repeat));
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const OFF = { SKIP_CITATION_CHECK: '1', SKIP_PUBLISHED_CHECK: '1', SKIP_SEARCH_INDEX: '1', SKIP_LINK_CHECK: '1' };

/**
 * One build of `dir` in a fresh root and cache: `npm run build` (exactly what writers and CI
 * run), or with `bare`, Astro's own `astro build` with its default Node settings.
 */
async function build(dir: string, env: NodeJS.ProcessEnv, bare = false): Promise<Measurement & { outDir: string; root: string }> {
  const root = await isolatedRoot();
  const outDir = join(root, 'dist');
  // A reference processor (BENCH_PROCESSOR) builds with the bench's own config, beside the site's.
  const config = env.BENCH_PROCESSOR ? ['--config', 'astro.reference.config.mjs'] : [];
  if (env.BENCH_PROCESSOR) await copyFile(join(ROOT, 'tests/bench/astro.reference.config.mjs'), join(root, 'astro.reference.config.mjs'));
  const [command, args] = bare ? [bin('astro'), ['build', '--outDir', outDir, ...config]] : ['npm', ['run', '--silent', 'build', '--', '--outDir', outDir, ...config]];
  // A check cache of its own: every build here starts cold (the rebuild below reuses its root's).
  const result = await measure(command, args, { EXPLAINERS_DIR: dir, ASTRO_CACHE_DIR: join(root, 'cache'), EXPLAINERS_CHECK_CACHE: join(root, 'check-cache.json'), ...env }, root);
  if (result.code !== 0) throw new Error(`Build failed:\n${result.output.slice(-3000)}`);
  return { ...result, outDir, root };
}

/** Stage times the integrations log during a full build. */
function stages(output: string) {
  const ms = (re: RegExp, unit = 1) => {
    const m = re.exec(output);
    return m ? Number(m[1]) * unit : undefined;
  };
  return {
    check: ms(/explainers checked in (\d+) ms/),
    // The check runs on a worker thread while Astro bundles; this is how long the build then waited for it.
    waited: ms(/the build waited (\d+) ms/),
    search: ms(/Indexed \d+ pages? in ([\d.]+) s/, 1000),
    // The published-page gate: every explainer page read back as HTML and judged.
    pages: ms(/published explainer pages verified in ([\d.]+) s/, 1000),
    links: ms(/checked in ([\d.]+)s\./, 1000),
  };
}

async function corpusRun(size: number, baselines = true) {
  const dir = join(tmpdir(), `bench-corpus-${size}-${seed}`);
  console.error(`Generating ${size} explainers…`);
  const files = await generateCorpus({ n: size, seed, dir });
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const fastest = <T extends { ms: number }>(runs: T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const fulls: Awaited<ReturnType<typeof build>>[] = [];
  const gateds: Awaited<ReturnType<typeof build>>[] = [];
  const offs: Awaited<ReturnType<typeof build>>[] = [];
  const bares: Awaited<ReturnType<typeof build>>[] = [];
  for (let round = 1; round <= (baselines ? repeat : 1); round++) {
    console.error(`Full checked build (round ${round})…`);
    fulls.push(await build(dir, {}));
    if (!baselines) break;
    console.error('Build with the citation check only (no search, no link check)…');
    gateds.push(await build(dir, { SKIP_SEARCH_INDEX: '1', SKIP_LINK_CHECK: '1' }));
    // Issue 3's baseline: the same npm run build (same Node and memory settings) with the checks off.
    console.error('The same build with the citation check off too…');
    offs.push(await build(dir, OFF));
    console.error('Bare astro build (Sätteri and the citation plugin; no checks, no search, no link check)…');
    bares.push(await build(dir, OFF, true));
  }
  const full = fastest(fulls);
  if (!baselines) {
    // Astro's own growth, to tell ours from it.
    console.error('Bare astro build at this size…');
    return { size, full, bare: await build(dir, OFF, true), stages: stages(full.output) };
  }
  const gated = fastest(gateds);
  const off = fastest(offs);
  const bare = fastest(bares);
  const parses: Array<{ ms: number }> = [];
  const checks: Measurement[] = [];
  for (let round = 1; round <= repeat; round++) {
    console.error(`Bare parse, then npm run check (round ${round})…`);
    parses.push(await timeIt(() => texts.forEach((t) => parseMdx(t))));
    // Cold: the figure of issue 3 is the whole check, not a cache hit.
    checks.push(await measure(bin('node'), [join(ROOT, 'src/cli/check.ts'), dir, '--format', 'json', '--no-cache'], {}, ROOT));
  }
  const parse = fastest(parses);
  const check = fastest(checks);
  console.error('npm run check with its result cache: filled, nothing changed, one file edited…');
  const cachedCheck = () => measure(bin('node'), [join(ROOT, 'src/cli/check.ts'), dir, '--format', 'json'], {}, ROOT);
  await cachedCheck();
  const warm = await cachedCheck();
  const touched = files[0]!;
  const original = await readFile(touched, 'utf8');
  await writeFile(touched, original.replace(/\n\n([A-Z])/, '\n\nEdited for the cache benchmark. $1'));
  const oneEdit = await cachedCheck();
  await writeFile(touched, original);
  // References: Astro's default processor alone (no citation plugin), and unified, which rendered before.
  console.error('Bare astro build with Astro\'s default Sätteri and no plugin…');
  const satteri = await build(dir, { ...OFF, BENCH_PROCESSOR: 'plain' }, true);
  console.error('Bare astro build with unified (remark + remark-gfm, no plugin)…');
  const unified = await build(dir, { ...OFF, BENCH_PROCESSOR: 'unified' }, true);
  console.error('Plain linkinator over the same output…');
  const linkinator = await measure(bin('linkinator'), [full.outDir, '--recurse', '--silent', '--skip', '^https?://(?!localhost|127\\.0\\.0\\.1)'], {}, ROOT);
  console.error('Incremental build (cold), then a rebuild after editing one explainer…');
  const cold = await build(dir, { EXPLAINERS_INCREMENTAL: '1' });
  const edited = files[Math.floor(files.length / 2)]!;
  await writeFile(edited, (await readFile(edited, 'utf8')).replace(/\n\n([A-Z])/, '\n\nEdited for the benchmark. $1'));
  const rebuild = await measure('npm', ['run', '--silent', 'build', '--', '--outDir', cold.outDir], { EXPLAINERS_DIR: dir, ASTRO_CACHE_DIR: join(cold.root, 'cache'), EXPLAINERS_CHECK_CACHE: join(cold.root, 'check-cache.json'), EXPLAINERS_INCREMENTAL: '1' }, cold.root);
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  return { size, parse: parse.ms, check, warm, oneEdit, bare, gated, off, satteri, unified, full, linkinator, cold, rebuild, restored: (rebuild.output.match(/\(restored\)/g) ?? []).length, stages: stages(full.output) };
}

const main = (await corpusRun(n)) as Required<Awaited<ReturnType<typeof corpusRun>>>;
// Write what we have before the long scale run, which may fail on its own.
await writeFile(join(ROOT, 'bench-results.json'), `${JSON.stringify({ n, seed, ms: summaryMs(main) }, null, 2)}\n`);
let scaled: Awaited<ReturnType<typeof corpusRun>> | undefined;
try {
  scaled = values.scale ? await corpusRun(n * 5, false) : undefined;
} catch (error) {
  console.error(`Scale run failed (end of its output): ${(error as Error).message.slice(-2000)}`);
}

const ratios = {
  fullVsBare: main.full.ms / main.bare.ms,
  gatedVsOff: main.gated.ms / main.off.ms,
  checkVsParse: main.check.ms / main.parse,
  bareVsSatteri: main.bare.ms / main.satteri.ms,
  fullVsSatteri: main.full.ms / main.satteri.ms,
  fullVsUnified: main.full.ms / main.unified.ms,
  scale: scaled ? scaled.full.ms / main.full.ms : undefined,
  scaleBare: scaled ? scaled.bare.ms / main.bare.ms : undefined,
};
const budgets = [
  { name: 'full build / bare astro build', value: ratios.fullVsBare, limit: 1.25 },
  { name: 'build with checks / same build without (issue 3)', value: ratios.gatedVsOff, limit: 1.1 },
  { name: 'npm run check / bare parse', value: ratios.checkVsParse, limit: 1.5 },
  { name: 'npm run check wall time, cold (s)', value: main.check.ms / 1000, limit: 3 },
  // Timed in the build with the gates only: in the full build it shares the cores with Pagefind.
  { name: 'published-page gate, whole site (s)', value: (stages(main.gated.output).pages ?? Infinity) / 1000, limit: 1.5 },
  { name: 'peak memory of full build, whole process tree (MB)', value: main.full.peakMb ?? 0, limit: 1536 },
  ...(ratios.scale !== undefined ? [{ name: `full build ${n * 5} / ${n} (linear: 5)`, value: ratios.scale, limit: 5.5 }] : []),
];

const rows: Row[] = [
  ['bare parse (remark-parse + mdx + gfm, 1 thread)', seconds(main.parse), ''],
  ['npm run check (cold, --no-cache)', seconds(main.check.ms), `${ratios.checkVsParse.toFixed(2)}x parse`],
  ['npm run check, cached, nothing changed', seconds(main.warm.ms), `${(main.warm.ms / main.check.ms).toFixed(2)}x cold`],
  ['npm run check, cached, 1 file edited', seconds(main.oneEdit.ms), `${(main.oneEdit.ms / main.check.ms).toFixed(2)}x cold`],
  ['reference: bare astro build, unified (remark + remark-gfm)', seconds(main.unified.ms), mem(main.unified)],
  ['reference: bare astro build, Sätteri alone (Astro default)', seconds(main.satteri.ms), `${(main.satteri.ms / main.unified.ms).toFixed(2)}x unified · ${mem(main.satteri)}`],
  ['bare astro build (Sätteri + citation plugin)', seconds(main.bare.ms), `${ratios.bareVsSatteri.toFixed(2)}x Sätteri alone · ${mem(main.bare)}`],
  ['npm run build, checks, search and link check off', seconds(main.off.ms), `${(main.off.ms / main.bare.ms).toFixed(2)}x bare · ${mem(main.off)}`],
  ['npm run build, checks only (search, link check off)', seconds(main.gated.ms), `${ratios.gatedVsOff.toFixed(2)}x the same build without · ${mem(main.gated)}`],
  ['full checked build (npm run build)', seconds(main.full.ms), `${ratios.fullVsBare.toFixed(2)}x bare · ${ratios.fullVsUnified.toFixed(2)}x bare unified · ${mem(main.full)}`],
  ['  stage: citation check (worker thread, beside bundling)', main.stages.check !== undefined ? seconds(main.stages.check) : 'n/a', main.stages.waited !== undefined ? `build waited ${seconds(main.stages.waited)} for it` : ''],
  ['  stage: published-page gate (every explainer page as HTML)', main.stages.pages !== undefined ? seconds(main.stages.pages) : 'n/a', `beside Pagefind; ${stages(main.gated.output).pages !== undefined ? seconds(stages(main.gated.output).pages!) : 'n/a'} alone (gates-only build)`],
  ['  stage: Pagefind index', main.stages.search !== undefined ? seconds(main.stages.search) : 'n/a', ''],
  ['  stage: internal link check', main.stages.links !== undefined ? seconds(main.stages.links) : 'n/a', ''],
  ['plain `linkinator dist --recurse`', seconds(main.linkinator.ms), mem(main.linkinator)],
  ['incremental build, cold (EXPLAINERS_INCREMENTAL=1)', seconds(main.cold.ms), `${(main.cold.ms / main.full.ms).toFixed(2)}x full build`],
  ['incremental rebuild after editing 1 explainer', seconds(main.rebuild.ms), `${(main.rebuild.ms / main.full.ms).toFixed(2)}x full build · ${main.restored} pages restored`],
  ...(scaled
    ? ([
        [`full checked build, N=${scaled.size}`, seconds(scaled.full.ms), `${ratios.scale!.toFixed(2)}x N=${n} · ${mem(scaled.full)}`],
        [`bare astro build, N=${scaled.size}`, seconds(scaled.bare.ms), `${ratios.scaleBare!.toFixed(2)}x N=${n} (Astro's own growth)`],
      ] as Row[])
    : []),
];
printTable(`Benchmark: ${n} explainers (seed ${seed}) on ${machine()}`, rows);
let over = 0;
for (const b of budgets) {
  const ok = b.value <= b.limit;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${b.name}: ${b.value.toFixed(2)} (budget ${b.limit})`);
}
const results = { date: new Date().toISOString(), machine: machine(), n, seed, repeat, ms: summaryMs(main), scaled: scaled ? { n: scaled.size, full: scaled.full.ms, bare: scaled.bare.ms, peakMb: scaled.full.peakMb, stages: scaled.stages } : undefined, ratios, budgets };
await writeFile(join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench-results.json');
if (over > 0) process.exitCode = 1;

function mem(m: Measurement): string {
  return m.peakMb ? `${Math.round(m.peakMb)} MB peak` : '';
}

function summaryMs(r: typeof main) {
  return { parse: r.parse, check: r.check.ms, checkCachedUnchanged: r.warm.ms, checkCachedOneEdit: r.oneEdit.ms, bare: r.bare.ms, gated: r.gated.ms, off: r.off.ms, satteri: r.satteri.ms, unified: r.unified.ms, full: r.full.ms, linkinator: r.linkinator.ms, incrementalCold: r.cold.ms, rebuild: r.rebuild.ms, restored: r.restored, stages: r.stages, peakMb: { bare: r.bare.peakMb, satteri: r.satteri.peakMb, unified: r.unified.peakMb, gated: r.gated.peakMb, off: r.off.peakMb, full: r.full.peakMb } };
}
