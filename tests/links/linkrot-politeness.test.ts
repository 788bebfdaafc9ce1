/**
 * Politeness against real servers, on a virtual clock the checker and the
 * servers share: no host ever sees more than its concurrency limit, request
 * starts keep their interval exactly, the global limit holds across hosts,
 * and Retry-After pauses the whole host (and only it) for exactly as long as
 * it asks. Plus the scheduler alone, with tasks that take virtual time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRunOptions } from '../../src/linkrot/options.ts';
import { runLinkrot, type RunOptions } from '../../src/linkrot/run.ts';
import { HostScheduler } from '../../src/linkrot/scheduler.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';
import { html, startHost, VirtualClock, type Host, type Tracker } from '../helpers/hosts.ts';

let hosts: Host[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function run(clock: VirtualClock, urls: string[], limits: { perHost: number; concurrency: number; minIntervalMs: number }, overrides: Partial<RunOptions> = {}) {
  const content = await tempDir();
  await writeExplainer(content, 'many', urls.map((url, i) => ({ id: `s${i}`, url })));
  const scheduler = new HostScheduler({ global: limits.concurrency, perHost: limits.perHost, minIntervalMs: limits.minIntervalMs, clock });
  clock.watch(scheduler);
  return runLinkrot({
    ...defaultRunOptions({}),
    ...limits,
    contentDir: content,
    statePath: `${await tempDir()}/state.json`,
    archive: { enabled: false, endpoint: '' },
    retry: { retries: 1, backoffBaseMs: 10, backoffMaxMs: 20, maxRetryAfterMs: 5000 },
    clock,
    scheduler,
    ...overrides,
  });
}

const gapsOf = (times: number[]) => times.slice(1).map((at, i) => at - (times[i] as number));

describe('politeness', () => {
  it('never exceeds the per-host or global concurrency, but uses both', async () => {
    const clock = new VirtualClock();
    const tracker: Tracker = { active: 0, maxActive: 0 };
    // Each answer takes 60 ms of virtual time, so requests overlap.
    for (let i = 0; i < 4; i++) hosts.push(await startHost(async (_req, res) => (await clock.hold(60), html(res, 200, 'ok')), { tracker, clock }));
    const urls = hosts.flatMap((h) => Array.from({ length: 10 }, (_, i) => `${h.origin}/page-${i}`));
    const report = await run(clock, urls, { perHost: 2, concurrency: 5, minIntervalMs: 0 });
    expect(report.counts.ok).toBe(40);
    for (const host of hosts) {
      expect(host.requests).toHaveLength(10);
      expect(host.maxActive).toBe(2);
    }
    expect(tracker.maxActive).toBe(5);
    // 40 answers of 60 ms, 5 at a time: 8 rounds.
    expect(clock.now()).toBe(8 * 60);
  }, 30_000);

  it('keeps the minimum interval between request starts on one host, exactly', async () => {
    const clock = new VirtualClock();
    hosts.push(await startHost((_req, res) => html(res, 200, 'ok'), { clock }));
    const host = hosts[0] as Host;
    await run(clock, Array.from({ length: 6 }, (_, i) => `${host.origin}/p${i}`), { perHost: 2, concurrency: 10, minIntervalMs: 200 });
    expect(host.requests.map((r) => r.at)).toEqual([0, 200, 400, 600, 800, 1000]);
  }, 30_000);

  it('pauses the whole host for Retry-After, and only that host', async () => {
    const clock = new VirtualClock();
    let limited = false;
    hosts.push(
      await startHost(
        (req, res) => {
          if (req.url === '/first' && !limited) {
            limited = true;
            return html(res, 429, 'slow down', { 'retry-after': '1' });
          }
          return html(res, 200, 'ok');
        },
        { clock },
      ),
    );
    hosts.push(await startHost(async (_req, res) => (await clock.hold(100), html(res, 200, 'ok')), { clock }));
    const [busy, other] = hosts as [Host, Host];
    const urls = [`${busy.origin}/first`, ...Array.from({ length: 4 }, (_, i) => `${busy.origin}/more-${i}`), ...Array.from({ length: 8 }, (_, i) => `${other.origin}/p${i}`)];
    const report = await run(clock, urls, { perHost: 1, concurrency: 4, minIntervalMs: 0 });
    expect(report.counts.ok).toBe(13);
    const refused = busy.requests.find((r) => r.path === '/first') as { at: number };
    const after = busy.requests.filter((r) => r.at > refused.at);
    // Nothing went to that host during the second it asked for; then it carried on.
    expect(after.length).toBe(5);
    expect(Math.min(...after.map((r) => r.at))).toBe(refused.at + 1000);
    expect(busy.requests.filter((r) => r.at >= refused.at && r.at < refused.at + 1000)).toEqual([expect.objectContaining({ path: '/first' })]);
    // The other host carried on meanwhile, one answer per 100 ms.
    expect(gapsOf(other.requests.map((r) => r.at))).toEqual(Array(7).fill(100));
    expect(other.requests.filter((r) => r.at > refused.at && r.at < refused.at + 1000).length).toBeGreaterThan(5);
  }, 30_000);
});

describe('HostScheduler on a virtual clock', () => {
  /** Tasks that each take `ms` of virtual time and log when they start, per host. */
  function harness(options: { global: number; perHost: number; minIntervalMs: number }) {
    const clock = new VirtualClock();
    const scheduler = new HostScheduler({ ...options, clock });
    const starts: [string, number][] = [];
    const task = (host: string, ms: number) =>
      scheduler.run(host, async () => {
        starts.push([host, clock.now()]);
        await clock.sleep(ms);
        return host;
      });
    return { clock, scheduler, starts, task };
  }

  it('lets hosts take turns for the overall slots, so a big host never starves a small one', async () => {
    const { starts, task } = harness({ global: 1, perHost: 1, minIntervalMs: 0 });
    await Promise.all([...Array.from({ length: 4 }, () => task('big', 10)), task('small', 10)]);
    expect(starts).toEqual([['big', 0], ['small', 10], ['big', 20], ['big', 30], ['big', 40]]);
  });

  it('holds a host paused while its turn waited for an overall slot', async () => {
    const { clock, scheduler, starts, task } = harness({ global: 1, perHost: 1, minIntervalMs: 0 });
    const first = task('a', 50);
    const second = task('b', 10);
    // At 10 ms b is waiting for the only slot; a pause for b arrives and must still count.
    await clock.sleep(10);
    scheduler.pause('b', 500);
    await Promise.all([first, second]);
    expect(starts).toEqual([['a', 0], ['b', 510]]);
  });

  it('refuses limits that could never start a request', () => {
    expect(() => new HostScheduler({ global: 0, perHost: 1, minIntervalMs: 0 })).toThrow(RangeError);
    expect(() => new HostScheduler({ global: 1, perHost: 1, minIntervalMs: -1 })).toThrow(RangeError);
  });
});
