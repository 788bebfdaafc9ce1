import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeHealth, healthOf, parseHealth, readHealth } from '../../src/site/source-health.ts';

const URL_A = 'https://example.org/a';

describe('parseHealth: the link checker\'s state file (src/linkrot/state.ts)', () => {
  const record = (fields: Record<string, unknown>) => ({ url: URL_A, firstSeen: '2025-11-01T00:00:00Z', lastChecked: '2025-12-01T10:00:00Z', lastReason: '', finalUrl: URL_A, consecutiveFailures: 0, failingDays: [], history: [], ...fields });
  const of = (fields: Record<string, unknown>) => healthOf(parseHealth({ version: 1, updated: '2025-12-01T10:00:00Z', urls: { [URL_A]: record(fields) } }), URL_A);

  it('maps its classes and problems to what readers are told', () => {
    expect(of({ lastClass: 'ok', lastStatus: 200 })).toEqual({ state: 'ok', checked: new Date('2025-12-01T10:00:00Z'), status: 200, finalUrl: URL_A });
    expect(of({ lastClass: 'redirected', lastStatus: 301, newUrl: 'https://example.org/moved' })).toMatchObject({ state: 'changed', finalUrl: 'https://example.org/moved' });
    expect(of({ lastClass: 'dead', lastStatus: 404, problem: 'rotten' })?.state).toBe('broken');
    expect(of({ lastClass: 'dead', lastStatus: 404, problem: 'dead-on-arrival' })?.state).toBe('broken');
    expect(of({ lastClass: 'transient' })?.state).toBe('unknown');
    expect(of({ lastClass: 'unverifiable', lastStatus: 403 })?.state).toBe('unknown');
  });

  it('does not call a link gone after a single dead run', () => {
    expect(of({ lastClass: 'dead', lastStatus: 404, consecutiveFailures: 1 })?.state).toBe('unknown');
  });

  it('treats a quote no longer found on the page as "may have changed"', () => {
    expect(of({ lastClass: 'ok', lastStatus: 200, quotes: { 'A quote': { status: 'missing' } } })?.state).toBe('changed');
    expect(of({ lastClass: 'ok', lastStatus: 200, quotes: { 'A quote': { status: 'found' } } })?.state).toBe('ok');
  });

  it('carries the archived copy the checker found', () => {
    const health = of({ lastClass: 'dead', problem: 'rotten', archive: { url: 'https://web.archive.org/web/2025/https://example.org/a', timestamp: '2025' } });
    expect(health?.archive).toBe('https://web.archive.org/web/2025/https://example.org/a');
    expect(describeHealth(health, false)).toMatchObject({ useArchive: true, archiveUrl: 'https://web.archive.org/web/2025/https://example.org/a' });
    // The writer's own archived copy wins: no second link.
    expect(describeHealth(health, true)?.archiveUrl).toBeUndefined();
  });

  it('finds records for source URLs spelt differently from the checker\'s keys', () => {
    const map = parseHealth({ urls: { 'https://www.example.org/Report/?id=2': { lastClass: 'ok', lastChecked: '2025-12-01T10:00:00Z' } } });
    expect(healthOf(map, 'http://example.org/Report?id=2&utm_campaign_id=5#top')?.state).toBe('ok');
  });
});

describe('parseHealth: other shapes a link checker may write', () => {
  it('reads a file keyed by URL, ignoring non-URL keys', () => {
    const map = parseHealth({
      version: 1,
      generatedAt: '2025-12-01T00:00:00Z',
      'https://example.org/a': { lastStatus: 200, classification: 'ok', lastChecked: '2025-12-01T10:00:00Z' },
      'https://example.org/b/': { lastStatus: 404, classification: 'broken', lastChecked: '2025-12-02T10:00:00Z' },
    });
    expect(map.size).toBe(2);
    expect(healthOf(map, 'http://www.example.org/a#x')).toMatchObject({ state: 'ok', status: 200 });
    expect(healthOf(map, 'https://example.org/b')).toMatchObject({ state: 'broken', status: 404 });
    expect(healthOf(map, URL_A)?.checked?.toISOString()).toBe('2025-12-01T10:00:00.000Z');
  });

  it('reads containers (urls/entries/links/results) holding maps or arrays of records', () => {
    const record = { status: '301', checkedAt: 1764547200000 };
    for (const key of ['urls', 'entries', 'links', 'results']) {
      expect(healthOf(parseHealth({ [key]: { [URL_A]: record } }), URL_A)?.state, key).toBe('changed');
      expect(healthOf(parseHealth({ [key]: [{ url: URL_A, ...record }] }), URL_A)?.state, key).toBe('changed');
    }
    expect(healthOf(parseHealth([{ url: URL_A, lastStatus: 200 }]), URL_A)?.state).toBe('ok');
  });

  it('classifies by verdict first, then by status, and notices moved pages', () => {
    const state = (record: Record<string, unknown>) => healthOf(parseHealth({ [URL_A]: record }), URL_A)?.state;
    expect(state({ classification: 'Dead' })).toBe('broken');
    expect(state({ classification: 'redirected', lastStatus: 200 })).toBe('changed');
    expect(state({ lastStatus: 'ok', contentChanged: true })).toBe('changed');
    expect(state({ lastStatus: 200, finalUrl: 'https://example.org/elsewhere' })).toBe('changed');
    expect(state({ lastStatus: 200, finalUrl: 'https://www.example.org/a/' })).toBe('ok');
    expect(state({ lastStatus: 410 })).toBe('broken');
    expect(state({ lastStatus: 503 })).toBe('unknown');
    expect(state({ classification: 'timeout' })).toBe('unknown');
    expect(state({})).toBe('unknown');
  });

  it('gives nothing for shapes it does not know, without throwing', () => {
    for (const json of [null, 42, 'text', { urls: 'nope' }, { [URL_A]: 'ok' }, [{ nourl: true }], { 'javascript:alert(1)': { status: 200 } }]) {
      expect(() => parseHealth(json)).not.toThrow();
      expect(parseHealth(json).size).toBe(0);
    }
    expect(healthOf(parseHealth({ [URL_A]: { lastChecked: 'not a date', status: 200 } }), URL_A)?.checked).toBeUndefined();
  });
});

describe('readHealth', () => {
  it('reads the file, and gives an empty map when it is missing or not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'health-'));
    await writeFile(join(dir, 'good.json'), JSON.stringify({ [URL_A]: { lastStatus: 404 } }));
    await writeFile(join(dir, 'bad.json'), '{ not json');
    expect(healthOf(readHealth(join(dir, 'good.json')), URL_A)?.state).toBe('broken');
    expect(readHealth(join(dir, 'bad.json')).size).toBe(0);
    expect(readHealth(join(dir, 'missing.json')).size).toBe(0);
    expect(readHealth(dir).size).toBe(0);
  });
});

describe('describeHealth', () => {
  const checked = new Date('2025-12-01T10:00:00Z');
  it('tells readers what the last check found, with its date', () => {
    expect(describeHealth({ state: 'ok', checked }, false)?.text).toBe('Link working (checked 1 December 2025).');
    expect(describeHealth({ state: 'changed', checked }, true)).toEqual({ state: 'changed', text: 'May have changed since cited (checked 1 December 2025). Compare the archived copy.', useArchive: true });
    expect(describeHealth({ state: 'broken', checked }, true)?.text).toBe('Original no longer available (checked 1 December 2025). Read the archived copy.');
    expect(describeHealth({ state: 'broken' }, false)?.text).toBe('Original no longer available.');
  });
  it('says nothing when unknown or unchecked', () => {
    expect(describeHealth({ state: 'unknown', checked }, true)).toBeUndefined();
    expect(describeHealth(undefined, true)).toBeUndefined();
  });
});
