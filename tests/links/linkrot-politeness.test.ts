/**
 * Politeness against real servers: no host ever sees more than its
 * concurrency limit, request starts keep their interval, the global limit
 * holds across hosts, and Retry-After pauses the whole host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRunOptions } from '../../src/linkrot/options.ts';
import { runLinkrot, type RunOptions } from '../../src/linkrot/run.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';
import { delay, html, startHost, type Host, type Tracker } from '../helpers/hosts.ts';

let hosts: Host[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function run(urls: string[], overrides: Partial<RunOptions>) {
  const content = await tempDir();
  await writeExplainer(content, 'many', urls.map((url, i) => ({ id: `s${i}`, url })));
  return runLinkrot({
    ...defaultRunOptions({}),
    contentDir: content,
    statePath: `${await tempDir()}/state.json`,
    archive: { enabled: false, endpoint: '' },
    retry: { retries: 1, backoffBaseMs: 10, backoffMaxMs: 20, maxRetryAfterMs: 5000 },
    ...overrides,
  });
}

describe('politeness', () => {
  it('never exceeds the per-host or global concurrency, but uses both', async () => {
    const tracker: Tracker = { active: 0, maxActive: 0 };
    for (let i = 0; i < 4; i++) hosts.push(await startHost(async (_req, res) => (await delay(60), html(res, 200, 'ok')), tracker));
    const urls = hosts.flatMap((h) => Array.from({ length: 10 }, (_, i) => `${h.origin}/page-${i}`));
    const report = await run(urls, { perHost: 2, concurrency: 5, minIntervalMs: 0 });
    expect(report.counts.ok).toBe(40);
    for (const host of hosts) {
      expect(host.requests).toHaveLength(10);
      expect(host.maxActive).toBe(2);
    }
    expect(tracker.maxActive).toBe(5);
  }, 30_000);

  it('keeps the minimum interval between request starts on one host', async () => {
    hosts.push(await startHost((_req, res) => html(res, 200, 'ok')));
    const host = hosts[0] as Host;
    await run(Array.from({ length: 6 }, (_, i) => `${host.origin}/p${i}`), { perHost: 2, concurrency: 10, minIntervalMs: 200 });
    const starts = host.requests.map((r) => r.at);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    expect(gaps).toHaveLength(5);
    // Requests leave 200 ms apart; opening a connection may delay one arrival a little.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(150);
    expect((starts[5] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(950);
  }, 30_000);

  it('pauses the whole host for Retry-After, and only that host', async () => {
    let limited = false;
    hosts.push(
      await startHost((req, res) => {
        if (req.url === '/first' && !limited) {
          limited = true;
          return html(res, 429, 'slow down', { 'retry-after': '1' });
        }
        return html(res, 200, 'ok');
      }),
    );
    hosts.push(await startHost(async (_req, res) => (await delay(100), html(res, 200, 'ok'))));
    const [busy, other] = hosts as [Host, Host];
    const urls = [`${busy.origin}/first`, ...Array.from({ length: 4 }, (_, i) => `${busy.origin}/more-${i}`), ...Array.from({ length: 8 }, (_, i) => `${other.origin}/p${i}`)];
    const report = await run(urls, { perHost: 1, concurrency: 4, minIntervalMs: 0 });
    expect(report.counts.ok).toBe(13);
    const refused = busy.requests.find((r) => r.path === '/first');
    const during = busy.requests.filter((r) => r.at > (refused?.at ?? 0) + 5 && r.at < (refused?.at ?? 0) + 950);
    expect(during).toEqual([]);
    // The other host carried on meanwhile.
    expect(other.requests.filter((r) => r.at > (refused?.at ?? 0) && r.at < (refused?.at ?? 0) + 950).length).toBeGreaterThan(0);
  }, 30_000);
});
