/**
 * One link-rot run against real servers on 127.0.0.1 serving every kind of
 * answer a source can give, asserting each verdict. Retry waits and pauses
 * run on a virtual clock; request timeouts are real.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRunOptions } from '../../src/linkrot/options.ts';
import { formatText } from '../../src/linkrot/report.ts';
import { runLinkrot, type Finding, type RunOptions, type RunReport } from '../../src/linkrot/run.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';
import { HostScheduler } from '../../src/linkrot/scheduler.ts';
import { html, redirect, startHost, VirtualClock, type Host } from '../helpers/hosts.ts';

const QUOTE = 'The cap is “800,000” troops — not 600,000.';
const hits = new Map<string, number>();
const count = (key: string) => {
  hits.set(key, (hits.get(key) ?? 0) + 1);
  return hits.get(key) as number;
};
let hugeBytesSent = 0;

function route(path: string, method: string, res: ServerResponse, host: Host): void | Promise<void> {
  switch (path) {
    case '/':
      return html(res, 200, 'Home');
    case '/ok':
      return html(res, 200, 'Fine');
    case '/moved':
      return redirect(res, 301, '/ok');
    case '/chain':
      return redirect(res, 301, `${host.origin}/chain-2`);
    case '/chain-2':
      return redirect(res, 308, '/ok');
    case '/temporary':
      return redirect(res, 302, '/ok');
    case '/loop-a':
      return redirect(res, 301, '/loop-b');
    case '/loop-b':
      return redirect(res, 301, '/loop-a');
    case '/to-home':
      return redirect(res, 301, '/');
    case '/to-not-found':
      return redirect(res, 302, '/errors/page-not-found.html');
    case '/errors/page-not-found.html':
      return html(res, 200, 'Sorry');
    case '/gone-404':
      return html(res, 404, 'Not here');
    case '/gone-410':
      return html(res, 410, 'Gone');
    case '/flapping':
      // 500 for the first two requests, then fine: a retry must save it.
      return count('flapping') <= 2 ? html(res, 500, 'Oops') : html(res, 200, 'Back');
    case '/always-500':
      return html(res, 503, 'Down');
    case '/rate-limited-once':
      return count('rate-limited-once') === 1 ? html(res, 429, 'Slow down', { 'retry-after': '1' }) : html(res, 200, 'Fine');
    case '/rate-limited-forever':
      return html(res, 429, 'Slow down');
    case '/bot-wall':
      return html(res, 403, 'Checking your browser', { 'cf-mitigated': 'challenge' });
    case '/head-not-allowed':
      return method === 'HEAD' ? html(res, 405, '') : html(res, 200, 'GET works');
    case '/never-ends':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.flushHeaders();
      res.write('<p>This page keeps loading');
      return; // and never ends
    case '/slow':
      // Never answers: only the checker's own timeout can end the request.
      return;
    case '/huge': {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (method === 'HEAD') return void res.end();
      const chunk = Buffer.alloc(1 << 20, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !res.destroyed) {
          sent++;
          hugeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (sent >= 50) res.end();
      };
      return pump();
    }
    case '/quoted':
      return html(res, 200, '<article><p>The cap is\n "800,000"   troops &mdash;<br>NOT 600,000.</p></article><script>var x = "ignored";</script>');
    case '/quote-changed':
      return html(res, 200, '<article><p>The cap is 700,000 troops.</p></article>');
    default:
      return html(res, 404, 'Unknown');
  }
}

let host: Host;
let archive: Host;
let report: RunReport;
let byPath: Map<string, Finding>;
let options: RunOptions;
const clock = new VirtualClock();

beforeAll(async () => {
  host = await startHost((req, res, self) => route(new URL(req.url ?? '/', 'http://x').pathname, req.method ?? 'GET', res, self), { clock });
  archive = await startHost((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const target = url.searchParams.get('url') ?? '';
    const closest = target.endsWith('/quote-changed')
      ? { available: true, url: `http://web.archive.org/web/${url.searchParams.get('timestamp')}000000/${target}`, timestamp: `${url.searchParams.get('timestamp')}000000`, status: '200' }
      : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: target, archived_snapshots: closest ? { closest } : {} }));
  });
  const paths = ['/ok', '/moved', '/chain', '/temporary', '/loop-a', '/to-home', '/to-not-found', '/gone-404', '/gone-410', '/flapping', '/always-500',
    '/rate-limited-once', '/rate-limited-forever', '/bot-wall', '/head-not-allowed', '/never-ends', '/slow', '/huge'];
  const content = await tempDir();
  await writeExplainer(content, 'zoo', paths.map((path, i) => ({ id: `s${i}`, url: `${host.origin}${path}` })));
  await writeExplainer(content, 'quotes', [
    { id: 'kept', url: `${host.origin}/quoted`, quote: QUOTE },
    { id: 'drifted', url: `${host.origin}/quote-changed`, quote: QUOTE, accessed: '2025-11-19' },
    { id: 'endless', url: `${host.origin}/never-ends#with-fragment`, quote: QUOTE },
    { id: 'big', url: `${host.origin}/huge?utm_source=feed`, quote: QUOTE },
  ]);
  options = {
    ...defaultRunOptions({}),
    contentDir: content,
    statePath: `${await tempDir()}/state.json`,
    concurrency: 8,
    perHost: 4,
    minIntervalMs: 0,
    http: { ...defaultRunOptions({}).http, timeoutMs: 800 },
    retry: { retries: 2, backoffBaseMs: 20, backoffMaxMs: 100, maxRetryAfterMs: 5000 },
    archive: { enabled: true, endpoint: `${archive.origin}/wayback/available` },
    date: () => new Date('2025-11-26T06:00:00Z'),
    clock,
  };
  options.scheduler = new HostScheduler({ global: options.concurrency, perHost: options.perHost, minIntervalMs: options.minIntervalMs, clock });
  clock.watch(options.scheduler);
  report = await runLinkrot(options);
  byPath = new Map(report.findings.map((f) => [new URL(f.target.url).pathname, f]));
}, 60_000);

afterAll(async () => {
  await host?.close();
  await archive?.close();
});

const verdict = (path: string) => {
  const record = byPath.get(path)?.record;
  return { class: record?.lastClass, status: record?.lastStatus, reason: record?.lastReason };
};

describe('classification', () => {
  it('ok: 200, a temporary redirect, a server that rejects HEAD', () => {
    expect(verdict('/ok')).toMatchObject({ class: 'ok', status: 200 });
    expect(verdict('/temporary')).toMatchObject({ class: 'ok', status: 200 });
    expect(verdict('/head-not-allowed')).toMatchObject({ class: 'ok', status: 200 });
    expect(host.requests.filter((r) => r.path === '/head-not-allowed').map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('redirected: 301 and 301→308 chains report the new address', () => {
    expect(byPath.get('/moved')?.record).toMatchObject({ lastClass: 'redirected', newUrl: `${host.origin}/ok` });
    expect(byPath.get('/chain')?.record).toMatchObject({ lastClass: 'redirected', newUrl: `${host.origin}/ok` });
  });

  it('dead: 404, 410, a redirect to the home page or to a not-found page', () => {
    expect(verdict('/gone-404')).toMatchObject({ class: 'dead', status: 404 });
    expect(verdict('/gone-410')).toMatchObject({ class: 'dead', status: 410 });
    expect(verdict('/to-home')).toMatchObject({ class: 'dead', reason: expect.stringContaining('home or not-found page') });
    expect(verdict('/to-not-found')).toMatchObject({ class: 'dead' });
  });

  it('unverifiable: redirect loop, 429 that never clears, 403 from bot protection', () => {
    expect(verdict('/loop-a')).toMatchObject({ class: 'unverifiable', reason: expect.stringContaining('redirect loop') });
    expect(verdict('/rate-limited-forever')).toMatchObject({ class: 'unverifiable', status: 429 });
    // 1 try + 2 retries; HEAD only, since a 429 is not a reason to try GET.
    expect(host.requests.filter((r) => r.path === '/rate-limited-forever')).toHaveLength(3);
    expect(verdict('/bot-wall')).toMatchObject({ class: 'unverifiable', status: 403, reason: expect.stringContaining('cf-mitigated') });
  });

  it('transient: 5xx that persists, a response slower than the timeout', () => {
    expect(verdict('/always-500')).toMatchObject({ class: 'transient', status: 503, reason: expect.stringContaining('after 3 attempts') });
    expect(verdict('/slow')).toMatchObject({ class: 'transient', reason: expect.stringContaining('timed out') });
  });

  it('retries a flapping server and honours Retry-After', () => {
    expect(verdict('/flapping')).toMatchObject({ class: 'ok', status: 200 });
    expect(verdict('/rate-limited-once')).toMatchObject({ class: 'ok', status: 200 });
    const [first, second] = host.requests.filter((r) => r.path === '/rate-limited-once');
    // Retry-After: 1, on the run's clock.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('does not wait for a body that never ends, nor download 50 MB', () => {
    expect(verdict('/never-ends')).toMatchObject({ class: 'ok', status: 200 });
    expect(verdict('/huge')).toMatchObject({ class: 'ok', status: 200 });
    // GET for the quote stops at 5 MB (plus what was in flight), far from 50 MB.
    expect(hugeBytesSent).toBeLessThan(20 << 20);
  });

  it('sends a clear User-Agent', () => {
    expect(new Set(host.requests.map((r) => r.userAgent))).toEqual(new Set([expect.stringMatching(/^SourcedExplainersLinkCheck\/1\.0 \(\+https?:\/\//)]));
  });
});

describe('dead on arrival', () => {
  it('reports new dead URLs at once and fails the run', () => {
    expect(byPath.get('/gone-404')?.problem).toBe('dead-on-arrival');
    expect(byPath.get('/to-home')?.problem).toBe('dead-on-arrival');
    expect(byPath.get('/always-500')?.problem).toBeUndefined();
    expect(report.exitCode).toBe(1);
  });
});

describe('quotes and archive suggestions', () => {
  it('finds a quote despite typography, case and markup; reports one that drifted', () => {
    expect(byPath.get('/quoted')?.record.quotes).toEqual({ [QUOTE]: { status: 'found' } });
    expect(byPath.get('/quote-changed')?.record.quotes?.[QUOTE]?.status).toBe('missing');
  });

  it('never calls a quote missing when the page could not be read in full', () => {
    expect(byPath.get('/never-ends')?.record.quotes?.[QUOTE]).toMatchObject({ status: 'unchecked', reason: 'the page did not finish loading' });
    expect(byPath.get('/huge')?.record.quotes?.[QUOTE]).toMatchObject({ status: 'unchecked', reason: expect.stringContaining('first 5 MB') });
  });

  it('suggests the snapshot closest to the accessed date as a frontmatter line', () => {
    expect(byPath.get('/quote-changed')?.record.archive).toEqual({
      url: `https://web.archive.org/web/20251119000000/${host.origin}/quote-changed`,
      timestamp: '20251119000000',
    });
    const text = formatText(report);
    expect(text).toContain(`fix: check the page; if it changed, add: archived: https://web.archive.org/web/20251119000000/${host.origin}/quote-changed`);
    // Dead sources were looked up too; with no snapshot the fix says so.
    expect(archive.requests.some((r) => r.path.includes('gone-404'))).toBe(true);
    expect(text).toMatch(/Dead on arrival \(4\)/);
  });
});
