/**
 * Benchmark of the external link-rot check: 5,000 source URLs over 50 local
 * hosts answering after 50 ms, with default politeness (2 at once per host,
 * 250 ms between starts). Every URL is alive, though some answer 503 or 429
 * once, so every "dead" verdict is a false alarm. Targets: under 60 s, under
 * 300 MB, zero false dead.
 *
 *   npx node tests/bench/linkrot.bench.ts [--urls 5000] [--hosts 50] [--latency 50]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { urls: { type: 'string', default: '5000' }, hosts: { type: 'string', default: '50' }, latency: { type: 'string', default: '50' } } });
const urls = Number(values.urls);
const QUOTE = 'the ceasefire line would be monitored by observers';

/** Start the stand-in hosts; resolves with their origins and a stop() that returns their statistics. */
async function startHosts() {
  const child = spawn(process.execPath, [join(ROOT, 'tests/bench/linkrot-hosts.ts'), '--hosts', String(values.hosts), '--latency', String(values.latency)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const origins = JSON.parse(String((await lines.next()).value)) as string[];
  return {
    origins,
    stop: async () => {
      child.stdin.end();
      return JSON.parse(String((await lines.next()).value)) as { origin: string; requests: number; maxActive: number }[];
    },
  };
}

/** Write explainers with 10 sources each, spreading URLs over the hosts; some flaky, some rate-limited, some quoted. */
async function writeContent(origins: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'linkrot-bench-'));
  for (let article = 0; article * 10 < urls; article++) {
    const sources = [];
    for (let j = 0; j < 10 && article * 10 + j < urls; j++) {
      const n = article * 10 + j;
      // Kinds follow a URL's rank on its host, so every host gets its share of each.
      const rank = Math.floor(n / origins.length);
      const kind = rank % 20 === 3 ? 'flaky' : rank % 50 === 7 ? 'limited' : rank % 10 === 5 ? 'quoted' : 'page';
      sources.push(`  - id: s${j}\n    title: Source ${n}\n    url: ${origins[n % origins.length]}/${kind}/${n}\n    publisher: Bench${kind === 'quoted' ? `\n    quote: "${QUOTE}"` : ''}`);
    }
    const cites = sources.map((_, j) => `Claim [@s${j}].`).join(' ');
    await writeFile(join(dir, `a${article}.mdx`), `---\ntitle: Bench ${article}\nsummary: Bench.\npublished: 2025-11-20\nauthors: [Bench]\nsources:\n${sources.join('\n')}\n---\n\n${cites}\n`);
  }
  return dir;
}

/** Run the CLI under /usr/bin/time for wall time and peak memory. */
function runCheck(content: string, state: string): Promise<{ seconds: number; peakMb: number; report: { counts: Record<string, number>; urls: unknown[] } }> {
  return new Promise((done, fail) => {
    const args = ['-f', 'BENCH %e %M', process.execPath, join(ROOT, 'src/cli/linkrot.ts'), '--content', content, '--state', state, '--no-archive', '--quiet', '--format', 'json'];
    const child = spawn('/usr/bin/time', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', fail);
    child.on('close', () => {
      const timing = /BENCH ([\d.]+) (\d+)/.exec(stderr);
      if (!timing) return fail(new Error(`No timing from /usr/bin/time:\n${stderr}`));
      try {
        done({ seconds: Number(timing[1]), peakMb: Number(timing[2]) / 1024, report: JSON.parse(stdout) });
      } catch (cause) {
        fail(new Error(`The check printed no JSON:\n${stderr}`, { cause }));
      }
    });
  });
}

const hosts = await startHosts();
const content = await writeContent(hosts.origins);
const state = join(await mkdtemp(join(tmpdir(), 'linkrot-bench-state-')), 'state.json');
const result = await runCheck(content, state);
const stats = await hosts.stop();
const { counts } = result.report;
const summary = {
  urls: result.report.urls.length,
  hosts: hosts.origins.length,
  latencyMs: Number(values.latency),
  wallSeconds: result.seconds,
  peakMemoryMb: Math.round(result.peakMb),
  counts,
  falseDead: counts.dead ?? 0,
  requests: stats.reduce((sum, s) => sum + s.requests, 0),
  maxPerHostConcurrency: Math.max(...stats.map((s) => s.maxActive)),
  targets: { wallSeconds: 60, peakMemoryMb: 300, falseDead: 0 },
};
console.log(JSON.stringify(summary, null, 2));
const pass = summary.wallSeconds < 60 && summary.peakMemoryMb < 300 && summary.falseDead === 0 && summary.urls === urls;
console.log(pass ? 'All targets met.' : 'TARGETS MISSED.');
