/**
 * Memory between runs, over simulated days: a source is rotten only after
 * failing in 3 runs on 3 days; flapping never makes it rotten.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRunOptions } from '../../src/linkrot/options.ts';
import { formatText } from '../../src/linkrot/report.ts';
import { runLinkrot, type RunOptions, type RunReport } from '../../src/linkrot/run.ts';
import { HostScheduler } from '../../src/linkrot/scheduler.ts';
import { parseState } from '../../src/linkrot/state-file.ts';
import { normalizeUrl } from '../../src/schema/url.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';
import { html, startHost, VirtualClock, type Host } from '../helpers/hosts.ts';

/** What each path answers today; tests change it between runs. */
const answers = new Map<string, number[]>();
let host: Host;

beforeAll(async () => {
  host = await startHost((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const queue = answers.get(path) ?? [200];
    // Each request takes the next answer; the last one repeats.
    const status = queue.length > 1 ? (queue.shift() as number) : (queue[0] as number);
    html(res, status, `status ${status}`);
  });
});
afterAll(() => host?.close());

async function setup(paths: string[], overrides: Partial<RunOptions> = {}): Promise<(day: string, today: Record<string, number[]>) => Promise<RunReport>> {
  const content = await tempDir();
  await writeExplainer(content, 'article', paths.map((path, i) => ({ id: `s${i}`, url: `${host.origin}${path}` })));
  const statePath = `${await tempDir()}/nested/state.json`;
  return (day, today) => {
    for (const [path, queue] of Object.entries(today)) answers.set(path, [...queue]);
    // Retry backoffs wait on a virtual clock: no real time passes for them.
    const clock = new VirtualClock();
    const scheduler = new HostScheduler({ global: 32, perHost: 2, minIntervalMs: 0, clock });
    clock.watch(scheduler);
    return runLinkrot({
      ...defaultRunOptions({}),
      contentDir: content,
      statePath,
      minIntervalMs: 0,
      retry: { retries: 2, backoffBaseMs: 5, backoffMaxMs: 20, maxRetryAfterMs: 1000 },
      archive: { enabled: false, endpoint: '' },
      date: () => new Date(`${day}T06:00:00Z`),
      clock,
      scheduler,
      ...overrides,
    });
  };
}

const problemOf = (report: RunReport, path: string) => report.findings.find((f) => f.target.url.endsWith(path))?.problem;

describe('rotten after three failing runs over three days', () => {
  it('waits for the third day, then reports rotten and fails', async () => {
    const run = await setup(['/rots']);
    expect((await run('2025-11-01', { '/rots': [200] })).exitCode).toBe(0);
    const day2 = await run('2025-11-02', { '/rots': [404] });
    expect([day2.exitCode, problemOf(day2, '/rots')]).toEqual([0, undefined]);
    expect(formatText(day2)).toContain('Failing, not yet rotten (1)');
    const day3 = await run('2025-11-03', { '/rots': [404] });
    expect([day3.exitCode, problemOf(day3, '/rots')]).toEqual([0, undefined]);
    const day4 = await run('2025-11-04', { '/rots': [404] });
    expect([day4.exitCode, problemOf(day4, '/rots')]).toEqual([1, 'rotten']);
    const record = day4.findings[0]?.record;
    expect(record).toMatchObject({
      firstSeen: '2025-11-01T06:00:00.000Z',
      lastOk: '2025-11-01T06:00:00.000Z',
      lastChecked: '2025-11-04T06:00:00.000Z',
      consecutiveFailures: 3,
      failingSince: '2025-11-02T06:00:00.000Z',
      failingDays: ['2025-11-02', '2025-11-03', '2025-11-04'],
      lastStatus: 404,
      finalUrl: `${host.origin}/rots`,
    });
    expect(formatText(day4)).toMatch(/Rotten \(1\)\n.*\/rots\n {4}not found \(404\); dead in 3 runs on 3 days since 2025-11-02; last seen alive 2025-11-01/);
    // The state file on disk says the same.
    const saved = parseState(await readFile(day4.statePath, 'utf8'), day4.statePath);
    expect(saved.urls[normalizeUrl(`${host.origin}/rots`)]?.problem).toBe('rotten');
  });

  it('is not rotten after three failing runs on one day', async () => {
    const run = await setup(['/same-day']);
    await run('2025-11-01', { '/same-day': [200] });
    for (const hour of ['2025-11-02', '2025-11-02', '2025-11-02']) {
      expect(problemOf(await run(hour, { '/same-day': [404] }), '/same-day')).toBeUndefined();
    }
  });

  it('counts neither for nor against a streak when the server only fails transiently', async () => {
    const run = await setup(['/mixed']);
    await run('2025-11-01', { '/mixed': [200] });
    await run('2025-11-02', { '/mixed': [404] });
    const down = await run('2025-11-03', { '/mixed': [503] });
    expect(down.findings[0]?.record).toMatchObject({ lastClass: 'transient', consecutiveFailures: 1 });
    await run('2025-11-04', { '/mixed': [404] });
    expect(problemOf(await run('2025-11-05', { '/mixed': [404] }), '/mixed')).toBe('rotten');
  });

  it('follows a configured policy', async () => {
    const run = await setup(['/strict'], { policy: { rottenRuns: 2, rottenDays: 2 } });
    await run('2025-11-01', { '/strict': [200] });
    await run('2025-11-02', { '/strict': [410] });
    expect(problemOf(await run('2025-11-03', { '/strict': [410] }), '/strict')).toBe('rotten');
  });
});

describe('flapping hosts are never rotten', () => {
  it('survives a week of 500-then-200 within runs and 404/200 across runs', async () => {
    const run = await setup(['/flaps-within', '/flaps-across']);
    const days = ['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04', '2025-11-05', '2025-11-06', '2025-11-07'];
    for (const [i, day] of days.entries()) {
      const report = await run(day, { '/flaps-within': [500, 500, 200], '/flaps-across': [i % 2 === 0 ? 200 : 404] });
      expect(report.findings.map((f) => f.problem)).toEqual([undefined, undefined]);
      expect(report.exitCode).toBe(0);
      expect(report.findings.find((f) => f.target.url.endsWith('/flaps-within'))?.record.lastClass).toBe('ok');
    }
  });
});

describe('dead on arrival', () => {
  it('reports a new source that is dead on its first check, and keeps reporting it until fixed', async () => {
    const run = await setup(['/typo']);
    const first = await run('2025-11-01', { '/typo': [404] });
    expect([first.exitCode, problemOf(first, '/typo')]).toEqual([1, 'dead-on-arrival']);
    expect(first.findings[0]?.isNew).toBe(true);
    const second = await run('2025-11-02', { '/typo': [404] });
    expect([second.exitCode, problemOf(second, '/typo'), second.findings[0]?.isNew]).toEqual([1, 'dead-on-arrival', false]);
    const fixed = await run('2025-11-03', { '/typo': [200] });
    expect([fixed.exitCode, problemOf(fixed, '/typo')]).toEqual([0, undefined]);
  });
});
