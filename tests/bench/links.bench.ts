/**
 * Benchmark of the build's internal link check on the 1,000-article synthetic
 * site, next to plain linkinator runs over the same output, in one run:
 *
 * - ours: `node src/cli/links.ts dist` (every page a start point, fragments
 *   checked, site address rewritten, external URLs skipped);
 * - baseline: `linkinator dist --recurse` as it comes (it also tries every
 *   external source URL; offline each one waits for DNS to fail, which can
 *   take half an hour for the corpus's 10,000 source URLs);
 * - fair baseline: `linkinator dist --recurse --check-fragments --skip <external>`.
 *
 *   npx node tests/bench/links.bench.ts [--n 1000] [--seed 1]
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });

interface Measured {
  seconds: number;
  peakMb: number;
  code: number | null;
  /** stdout only. */
  output: string;
  stderr: string;
}

/** Run a command under /usr/bin/time: wall time and peak memory (max RSS). */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((done, fail) => {
    const child = spawn('/usr/bin/time', ['-f', 'BENCH %e %M', command, ...args], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => {
      const timing = /BENCH ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (!timing) return fail(new Error(`No timing:\n${stderr.slice(-2000)}`));
      done({ seconds: Number(timing[1]), peakMb: Math.round(Number(timing[2]) / 1024), code, output, stderr: stderr.slice(0, timing.index) });
    });
  });
}

const work = await mkdtemp(join(tmpdir(), 'links-bench-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
await generateCorpus({ n: Number(values.n), seed: Number(values.seed), dir: content });
const build = await measure(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', dist], { EXPLAINERS_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache'), SKIP_LINK_CHECK: '1' });
if (build.code !== 0) throw new Error(`The build failed:\n${(build.output + build.stderr).slice(-3000)}`);

const linkinator = join(ROOT, 'node_modules/linkinator/build/src/cli.js');
const runOurs = () => measure(process.execPath, [join(ROOT, 'src/cli/links.ts'), dist]);
const runFair = () => measure(process.execPath, [linkinator, dist, '--recurse', '--check-fragments', '--skip', '^https?://(?!127\\.0\\.0\\.1)', '--format', 'json']);
// Alternate the quick runs twice and keep each one's faster run: the machine's load varies.
const faster = (a: Measured, b: Measured) => (a.seconds <= b.seconds ? a : b);
const ours1 = await runOurs();
const fair1 = await runFair();
const ours = faster(ours1, await runOurs());
const fair = faster(fair1, await runFair());
console.error(`ours: ${ours.seconds} s, ${ours.peakMb} MB; fair linkinator: ${fair.seconds} s, ${fair.peakMb} MB; now plain linkinator (slow offline)…`);
const plain = await measure(process.execPath, [linkinator, dist, '--recurse', '--format', 'json']);

const linkStats = (run: Measured) => {
  // linkinator may exit before a long JSON report is fully written: count what arrived.
  const by = (state: string) => (run.output.match(new RegExp(`"state": "${state}"`, 'g')) ?? []).length;
  let complete = true;
  try {
    JSON.parse(run.output);
  } catch {
    complete = false;
  }
  return { links: by('OK') + by('BROKEN') + by('SKIPPED'), ok: by('OK'), broken: by('BROKEN'), skipped: by('SKIPPED'), ...(complete ? {} : { reportTruncated: true }) };
};

const summary = {
  articles: Number(values.n),
  build: { seconds: build.seconds, peakMb: build.peakMb },
  ours: { seconds: ours.seconds, peakMb: ours.peakMb, exitCode: ours.code, result: ours.output.trim().split('\n').at(-1) },
  plainLinkinator: { seconds: plain.seconds, peakMb: plain.peakMb, exitCode: plain.code, ...linkStats(plain) },
  fairLinkinator: { seconds: fair.seconds, peakMb: fair.peakMb, exitCode: fair.code, ...linkStats(fair) },
  ratios: {
    timeVsPlain: Number((ours.seconds / plain.seconds).toFixed(2)),
    memoryVsPlain: Number((ours.peakMb / plain.peakMb).toFixed(2)),
    timeVsFair: Number((ours.seconds / fair.seconds).toFixed(2)),
    memoryVsFair: Number((ours.peakMb / fair.peakMb).toFixed(2)),
  },
};
console.log(JSON.stringify(summary, null, 2));
