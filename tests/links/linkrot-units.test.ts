/**
 * The pure parts of the link-rot check: classification rules, retry timing,
 * quote matching, archive answers, option parsing and help, sharding,
 * progress lines, input extraction and the state reader.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAvailability } from '../../src/linkrot/archive.ts';
import { backoffMs } from '../../src/linkrot/check.ts';
import { classify, isGoneRedirect, networkLooksDown, retryAfterMs } from '../../src/linkrot/classify.ts';
import { collectTargets } from '../../src/linkrot/extract.ts';
import { describeError, type Probe } from '../../src/linkrot/http.ts';
import { parseCommand, USAGE, UsageError } from '../../src/linkrot/options.ts';
import { createProgress, progressLine } from '../../src/linkrot/progress.ts';
import { containsQuote, extractText } from '../../src/linkrot/quote.ts';
import { interleaveByHost, shardOfHost } from '../../src/linkrot/plan.ts';
import { SETTINGS } from '../../src/linkrot/settings.ts';
import { parseState, StateError } from '../../src/linkrot/state-file.ts';
import { DEFAULT_POLICY, writeStateAtomic } from '../../src/linkrot/state.ts';
import { tempDir, writeExplainer } from '../helpers/explainers.ts';

const probe = (p: Partial<Probe>): Probe => ({ method: 'HEAD', hops: [], finalUrl: 'https://a.example/x', ...p });

describe('classify', () => {
  it('follows the rules of the issue', () => {
    const url = 'https://a.example/x';
    expect(classify(url, probe({ status: 200 })).class).toBe('ok');
    expect(classify(url, probe({ status: 404 })).class).toBe('dead');
    expect(classify(url, probe({ status: 410 })).class).toBe('dead');
    expect(classify(url, probe({ status: 401 })).class).toBe('unverifiable');
    expect(classify(url, probe({ status: 403 })).class).toBe('unverifiable');
    expect(classify(url, probe({ status: 999 })).class).toBe('unverifiable');
    expect(classify(url, probe({ status: 429 }))).toMatchObject({ class: 'unverifiable', retry: true });
    expect(classify(url, probe({ status: 502 }))).toMatchObject({ class: 'transient', retry: true });
    expect(classify(url, probe({ status: 503, headers: { 'cf-mitigated': 'challenge' } }))).toMatchObject({ class: 'unverifiable' });
    expect(classify(url, probe({ error: { code: 'dns', message: 'ENOTFOUND' } }))).toMatchObject({ class: 'dead', reason: 'host not found (ENOTFOUND)' });
    expect(classify(url, probe({ error: { code: 'timeout', message: 'timed out' } }))).toMatchObject({ class: 'transient', retry: true });
    expect(classify(url, probe({ error: { code: 'reset', message: 'ECONNRESET' } }))).toMatchObject({ class: 'transient', retry: true });
  });

  it('reports only permanent moves as redirected, and the address they lead to', () => {
    const url = 'http://a.example/x';
    const hop = (status: number, location: string) => ({ url: 'u', status, location });
    expect(classify(url, probe({ status: 200, hops: [hop(301, 'https://a.example/x'), hop(302, 'https://a.example/login?next=x')], finalUrl: 'https://a.example/login?next=x' })))
      .toMatchObject({ class: 'redirected', newUrl: 'https://a.example/x' });
    expect(classify(url, probe({ status: 200, hops: [hop(302, 'https://a.example/y'), hop(301, 'https://a.example/z')], finalUrl: 'https://a.example/z' })).class).toBe('ok');
  });

  it('recognises redirects that mean "gone"', () => {
    expect(isGoneRedirect('https://a.example/story', 'https://a.example/')).toBe(true);
    expect(isGoneRedirect('https://a.example/story', 'https://b.example/')).toBe(true);
    expect(isGoneRedirect('http://a.example/', 'https://www.a.example/')).toBe(false);
    expect(isGoneRedirect('https://a.example/story', 'https://a.example/404.html')).toBe(true);
    expect(isGoneRedirect('https://a.example/story', 'https://a.example/en/page-not-found')).toBe(true);
    expect(isGoneRedirect('https://a.example/story', 'https://a.example/error?aspxerrorpath=/story')).toBe(true);
    expect(isGoneRedirect('https://a.example/story', 'https://a.example/news/story')).toBe(false);
    expect(isGoneRedirect('https://a.example/story', 'https://docs.example/tutorial/errors.html')).toBe(false);
  });

  it('blames the network, not the sites, when most hosts fail DNS at once', () => {
    const run = (pairs: [string, boolean][]) => networkLooksDown(pairs.map(([host, dns]) => ({ host, dns })));
    expect(run([['a', true], ['b', true], ['c', false]])).toBe(true);
    expect(run([['a', true], ['b', false], ['c', false]])).toBe(false);
    // A host with one resolvable URL resolved: DNS works for it.
    expect(run([['a', true], ['a', false], ['b', true], ['c', false]])).toBe(false);
    // Too few hosts to tell.
    expect(run([['a', true], ['b', true]])).toBe(false);
  });

  it('names network failures', () => {
    const failed = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }) });
    expect(describeError(failed, false)).toEqual({ code: 'dns', message: 'getaddrinfo ENOTFOUND nowhere.invalid' });
    expect(describeError(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }), false).code).toBe('reset');
    expect(describeError(new Error('aborted'), true)).toEqual({ code: 'timeout', message: 'timed out' });
  });
});

describe('retry timing', () => {
  it('reads Retry-After in seconds and as a date', () => {
    const now = Date.parse('2025-11-26T06:00:00Z');
    expect(retryAfterMs({ 'retry-after': '7' }, now)).toBe(7000);
    expect(retryAfterMs({ 'retry-after': 'Wed, 26 Nov 2025 06:00:30 GMT' }, now)).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, up to a ceiling', () => {
    const options = { backoffBaseMs: 1000, backoffMaxMs: 5000 };
    expect([0, 1, 2, 3].map((n) => backoffMs(n, options, () => 0))).toEqual([500, 1000, 2000, 2500]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, options, () => 1))).toEqual([1000, 2000, 4000, 5000]);
  });
});

describe('quotes', () => {
  it('ignores typography, case, whitespace and markup, and allows ellipses', () => {
    const page = extractText(new TextEncoder().encode('<p>The E3 “kept the structure”&nbsp;but <em>replaced</em>\nthe parts – all of them.</p><script>"kept the structure"</script>'), 'text/html; charset=utf-8') ?? '';
    expect(containsQuote(page, '"The E3 \'kept the structure\' but replaced the parts - all of them."')).toBe(false);
    expect(containsQuote(page, 'the e3 "kept the structure" but replaced the parts - all of them.')).toBe(true);
    expect(containsQuote(page, 'The E3 “kept the structure” […] all of them')).toBe(true);
    expect(containsQuote(page, 'all of them … The E3')).toBe(false);
    expect(containsQuote(page, 'rewrote the parts')).toBe(false);
  });

  it('decodes declared charsets and refuses formats without text', () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]);
    expect(extractText(latin1, 'text/plain; charset=iso-8859-1')).toBe('Café');
    expect(extractText(Uint8Array.from([0x25, 0x50, 0x44, 0x46]), 'application/pdf')).toBeUndefined();
  });
});

describe('archive answers', () => {
  it('takes an available 2xx snapshot and upgrades it to https', () => {
    const closest = { available: true, url: 'http://web.archive.org/web/20251119000000/https://a.example/', timestamp: '20251119000000', status: '200' };
    expect(parseAvailability({ archived_snapshots: { closest } })).toEqual({ url: 'https://web.archive.org/web/20251119000000/https://a.example/', timestamp: '20251119000000' });
    expect(parseAvailability({ archived_snapshots: { closest: { ...closest, status: '404' } } })).toBeUndefined();
    expect(parseAvailability({ archived_snapshots: {} })).toBeUndefined();
    expect(parseAvailability(null)).toBeUndefined();
  });
});

describe('options', () => {
  it('parses flags over defaults', () => {
    const command = parseCommand(['--shard', '2/4', '--per-host', '3', '--rotten-days', '5', '--no-quotes', '--now', '2025-01-02T00:00:00Z', '--format', 'json'], {});
    expect(command.kind).toBe('run');
    if (command.kind !== 'run') return;
    expect(command.options).toMatchObject({ shard: { index: 2, count: 4 }, perHost: 3, policy: { rottenRuns: 3, rottenDays: 5 }, quotes: false, statePath: '.linkrot/state.json' });
    expect(command.options.date().toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(command.format).toBe('json');
  });

  it('takes its numbers and their help from one table of settings', () => {
    const command = parseCommand([], {});
    if (command.kind !== 'run') throw new Error('expected a run');
    expect(command.options).toMatchObject({ concurrency: 32, perHost: 2, minIntervalMs: 250, http: { timeoutMs: 15_000, maxRedirects: 10, maxBodyBytes: 5_000_000 }, retry: { retries: 3, backoffBaseMs: 1000, backoffMaxMs: 30_000, maxRetryAfterMs: 120_000 }, policy: DEFAULT_POLICY });
    for (const setting of Object.values(SETTINGS)) {
      expect(USAGE).toMatch(new RegExp(`^  --${setting.flag} <${setting.arg}> +${setting.help.replace(/[()"]/g, '\\$&')} \\(default: ${setting.value}\\)$`, 'm'));
      const changed = parseCommand([`--${setting.flag}`, String(setting.min + 7)], {});
      expect(JSON.stringify(changed), setting.flag).toContain(`:${setting.min + 7}`);
    }
    expect(USAGE).toContain('  --per-host <n>            requests at once to one host (default: 2)');
    expect(() => parseCommand(['--max-backoff', 'soon'], {})).toThrow(new UsageError('--max-backoff must be a whole number of at least 0, got "soon".'));
  });

  it('refuses nonsense with a message naming the flag', () => {
    expect(() => parseCommand(['--per-host', '0'], {})).toThrow(new UsageError('--per-host must be a whole number of at least 1, got "0".'));
    expect(() => parseCommand(['--now', 'yesterday'], {})).toThrow(/--now must be an ISO date/);
    expect(() => parseCommand(['--merge', 'a.json', '--shard', '1/2'], {})).toThrow(/do not pass --shard/);
    expect(() => parseCommand(['--archive-endpoint', 'ftp://x'], {})).toThrow(/--archive-endpoint must be an http/);
  });

  it('splits hosts into stable shards covering everything', () => {
    const hosts = Array.from({ length: 200 }, (_, i) => `host-${i}.example`);
    const shards = hosts.map((h) => shardOfHost(h, 4));
    expect(new Set(shards)).toEqual(new Set([1, 2, 3, 4]));
    expect(hosts.map((h) => shardOfHost(h, 4))).toEqual(shards);
    for (const n of [1, 2, 3, 4]) expect(shards.filter((s) => s === n).length).toBeGreaterThan(25);
  });
});

describe('interleaveByHost', () => {
  it('lets hosts take turns, keeping each host\'s order', () => {
    const targets = ['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://b.example/1', 'http://a.example:8080/1', 'https://b.example/2'].map((url) => ({ key: url, url, citations: [] }));
    expect(interleaveByHost(targets).map((t) => t.url)).toEqual([
      'https://a.example/1', 'https://b.example/1', 'http://a.example:8080/1', 'https://a.example/2', 'https://b.example/2', 'https://a.example/3',
    ]);
  });
});

describe('progress', () => {
  const counts = { ok: 3, redirected: 0, dead: 1, unverifiable: 0, transient: 0 };
  it('shows checked/total, classes, elapsed and remaining time', () => {
    expect(progressLine({ checked: 4, total: 10, counts, elapsedMs: 8000 })).toBe('checked 4/10 (ok 3, dead 1), 8s elapsed ~12s left');
  });

  it('redraws one line on a terminal, prints plain lines elsewhere, nothing when quiet', async () => {
    const written: string[] = [];
    const tty = createProgress({ isTTY: true, columns: 200, write: (t) => written.push(t) });
    tty.update({ checked: 1, total: 2, counts, elapsedMs: 0 });
    tty.done();
    expect(written[0]).toMatch(/^\r\u001b\[2Kchecked 1\/2/);
    expect(written.at(-1)).toMatch(/\n$/);
    const plain: string[] = [];
    const ci = createProgress({ isTTY: false, write: (t) => plain.push(t) }, { intervalMs: 30 });
    ci.update({ checked: 1, total: 2, counts, elapsedMs: 0 });
    // Timers fire late on a loaded machine: wait for the lines rather than a fixed time.
    for (let i = 0; i < 100 && plain.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    ci.done();
    expect(plain.length).toBeGreaterThanOrEqual(3);
    expect(plain.every((line) => /^checked 1\/2 .*\n$/.test(line) && !line.includes('\r'))).toBe(true);
    const none: string[] = [];
    const quiet = createProgress({ isTTY: true, write: (t) => none.push(t) }, { quiet: true });
    quiet.update({ checked: 1, total: 2, counts, elapsedMs: 0 });
    quiet.done();
    expect(none).toEqual([]);
  });
});

describe('collectTargets', () => {
  it('deduplicates by URL key and maps each to articles, source ids and lines', async () => {
    const dir = await tempDir();
    await writeExplainer(dir, 'a', [{ id: 'one', url: 'https://news.example/story#top', archived: 'https://web.archive.org/web/1/https://news.example/story', quote: 'Words' }],
      'See [the story](https://NEWS.example/story?utm_source=x), <a href="https://other.example/page">this</a>, [home](/) and [our page](https://explainers.example.org/explainers/b/).');
    await writeExplainer(dir, 'b', [{ id: 'two', url: 'http://user:secret@www.news.example/story/' }, { id: 'three', url: 'https://news.example/Story?id=2' }]);
    const { targets, articles } = await collectTargets(dir, { site: 'https://explainers.example.org', cwd: dir });
    expect(articles).toBe(2);
    // Each is requested as first cited, without its fragment (or credentials).
    expect(targets.map((t) => t.url).sort()).toEqual(['https://news.example/Story?id=2', 'https://news.example/story', 'https://other.example/page', 'https://web.archive.org/web/1/https://news.example/story']);
    const story = targets.find((t) => t.url === 'https://news.example/story');
    expect(story?.key).toBe('https://news.example/story');
    expect(story?.citations).toEqual([
      { article: 'a.mdx', sourceId: 'one', field: 'url', line: 10, written: 'https://news.example/story#top', quote: 'Words', archived: 'https://web.archive.org/web/1/https://news.example/story' },
      { article: 'a.mdx', field: 'body', line: 18, written: 'https://NEWS.example/story?utm_source=x' },
      { article: 'b.mdx', sourceId: 'two', field: 'url', line: 10, written: 'http://user:secret@www.news.example/story/' },
    ]);
  });
});

describe('the state file', () => {
  const record = (url: string, lastChecked: string) => ({ url, firstSeen: lastChecked, lastChecked, lastClass: 'ok', lastReason: '200', finalUrl: url, consecutiveFailures: 0, failingDays: [], history: [] });

  it('reads version 1 by re-keying it with the URL key; where two old keys meet, the record checked last wins', () => {
    const v1 = { version: 1, updated: '2025-11-02T00:00:00Z', urls: { 'http://www.a.example/x/': record('http://www.a.example/x/', '2025-11-01'), 'https://a.example/x': record('https://a.example/x', '2025-11-02'), 'https://b.example/?utm_source=z': record('https://b.example/?utm_source=z', '2025-11-01') } };
    const state = parseState(JSON.stringify(v1), 'old.json');
    expect(state.version).toBe(2);
    expect(Object.keys(state.urls)).toEqual(['https://a.example/x', 'https://b.example']);
    expect(state.urls['https://a.example/x']?.lastChecked).toBe('2025-11-02');
    expect(state.urls['https://b.example']?.url).toBe('https://b.example/?utm_source=z');
  });

  it('fills fields a record from before they existed lacks, and writes the current version', async () => {
    const state = parseState(JSON.stringify({ version: 1, updated: 'x', urls: { 'https://a.example/': { lastClass: 'dead', lastChecked: '2025-11-01T00:00:00Z', problem: 'rotten' } } }), 's.json');
    expect(state.urls['https://a.example']).toEqual({ url: 'https://a.example/', firstSeen: '2025-11-01T00:00:00Z', lastChecked: '2025-11-01T00:00:00Z', lastClass: 'dead', lastReason: '', finalUrl: 'https://a.example/', consecutiveFailures: 0, failingDays: [], problem: 'rotten', history: [] });
    const path = join(await tempDir(), 'state.json');
    await writeStateAtomic(path, state);
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(2);
  });

  it('accepts nothing but its own format, saying what to do', () => {
    const refused = (data: unknown) => () => parseState(JSON.stringify(data), 'state.json');
    expect(refused({ urls: {} })).toThrow(new StateError('state.json has no format version; npm run linkrot reads versions 1 and 2 of its own state file. Point --state at the right file or move this one aside; it is left untouched.'));
    expect(refused({ version: 3, updated: 'x', urls: {} })).toThrow(/has state format version 3; npm run linkrot reads versions 1 and 2/);
    expect(refused({ version: 2, updated: 'x', entries: {} })).toThrow(/is not a link-rot state file/);
    expect(refused({ version: 2, updated: 'x', urls: [] })).toThrow(/is not a link-rot state file/);
    // Synonyms other checkers write are not this format.
    expect(refused({ version: 2, updated: 'x', urls: { 'https://a.example/': { classification: 'ok', lastChecked: 'x' } } })).toThrow(/the entry for https:\/\/a\.example\/ is damaged \(lastClass: .*\)/);
    expect(refused({ version: 2, updated: 'x', urls: { 'https://a.example/': { lastClass: 'ok', lastChecked: 'x', status: 200 } } })).toThrow(/is damaged/);
    expect(refused({ version: 2, updated: 'x', urls: { 'https://a.example/': { lastClass: 'fine', lastChecked: 'x' } } })).toThrow(/is damaged \(lastClass/);
    expect(refused({ version: 2, updated: 'x', urls: { 'javascript:alert(1)': { lastClass: 'ok', lastChecked: 'x' } } })).toThrow(/the entry "javascript:alert\(1\)" is not an http\(s\) address/);
  });
});
