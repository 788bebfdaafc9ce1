import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeHealth, healthOf, parseHealth, readHealth } from '../../src/site/source-health.ts';

const URL_A = 'https://example.test/a';

const file = (urls: Record<string, unknown>, version: unknown = 2) => JSON.stringify({ version, updated: '2025-12-01T10:00:00Z', urls });

describe('parseHealth: the link checker\'s state file (src/linkrot/state-file.ts)', () => {
  const record = (fields: Record<string, unknown>) => ({ url: URL_A, firstSeen: '2025-11-01T00:00:00Z', lastChecked: '2025-12-01T10:00:00Z', lastReason: '', finalUrl: URL_A, consecutiveFailures: 0, failingDays: [], history: [], ...fields });
  const of = (fields: Record<string, unknown>) => healthOf(parseHealth(file({ [URL_A]: record(fields) })), URL_A);

  it('maps its classes and problems to what readers are told', () => {
    expect(of({ lastClass: 'ok', lastStatus: 200 })).toEqual({ state: 'ok', checked: new Date('2025-12-01T10:00:00Z'), status: 200, finalUrl: URL_A });
    expect(of({ lastClass: 'redirected', lastStatus: 301, newUrl: 'https://example.test/moved' })).toMatchObject({ state: 'changed', finalUrl: 'https://example.test/moved' });
    expect(of({ lastClass: 'dead', lastStatus: 404, problem: 'rotten' })?.state).toBe('broken');
    expect(of({ lastClass: 'dead', lastStatus: 404, problem: 'dead-on-arrival' })?.state).toBe('broken');
    expect(of({ lastClass: 'transient' })?.state).toBe('unknown');
    expect(of({ lastClass: 'unverifiable', lastStatus: 403 })?.state).toBe('unknown');
  });

  it('does not call a link gone after a single dead run', () => {
    expect(of({ lastClass: 'dead', lastStatus: 404, consecutiveFailures: 1 })?.state).toBe('unknown');
  });

  it('treats a quote no longer found on the page, or a page that now lives elsewhere, as "may have changed"', () => {
    expect(of({ lastClass: 'ok', lastStatus: 200, quotes: { 'A quote': { status: 'missing' } } })?.state).toBe('changed');
    expect(of({ lastClass: 'ok', lastStatus: 200, quotes: { 'A quote': { status: 'found' } } })?.state).toBe('ok');
    expect(of({ lastClass: 'ok', lastStatus: 200, finalUrl: 'https://example.test/elsewhere' })).toMatchObject({ state: 'changed', finalUrl: 'https://example.test/elsewhere' });
    // The same page by the URL key (www, a trailing slash) has not moved.
    expect(of({ lastClass: 'ok', lastStatus: 200, finalUrl: 'https://www.example.test/a/' })?.state).toBe('ok');
  });

  it('carries the archived copy the checker found', () => {
    const health = of({ lastClass: 'dead', problem: 'rotten', archive: { url: 'https://web.archive.org/web/2025/https://example.test/a', timestamp: '2025' } });
    expect(health?.archive).toBe('https://web.archive.org/web/2025/https://example.test/a');
    expect(describeHealth(health, false)).toMatchObject({ useArchive: true, archiveUrl: 'https://web.archive.org/web/2025/https://example.test/a' });
    // The writer's own archived copy wins: no second link.
    expect(describeHealth(health, true)?.archiveUrl).toBeUndefined();
  });

  it('finds records for source URLs spelt differently from the checker\'s keys, in version 2 and in version 1', () => {
    for (const version of [2, 1]) {
      const map = parseHealth(file({ 'https://www.example.test/Report/?id=2': { lastClass: 'ok', lastChecked: '2025-12-01T10:00:00Z' } }, version));
      expect(healthOf(map, 'http://example.test/Report?id=2&utm_campaign_id=5#top')?.state, `version ${version}`).toBe('ok');
    }
  });

  it('gives no health at all for any other shape, rather than guessing', () => {
    const dated = { lastStatus: 200, classification: 'ok', lastChecked: '2025-12-01T10:00:00Z' };
    const others: unknown[] = [
      // Shapes and synonyms other link checkers write, which this reader once guessed at.
      { version: 1, generatedAt: '2025-12-01T00:00:00Z', [URL_A]: dated },
      ...['urls', 'entries', 'links', 'results'].flatMap((key) => [{ [key]: { [URL_A]: { status: '301', checkedAt: 1764547200000 } } }, { [key]: [{ url: URL_A, status: '301' }] }]),
      [{ url: URL_A, lastStatus: 200 }],
      // The checker's own format, but unversioned, from the future, or with a damaged entry.
      { updated: 'x', urls: { [URL_A]: record({ lastClass: 'ok' }) } },
      { version: 3, updated: 'x', urls: { [URL_A]: record({ lastClass: 'ok' }) } },
      { version: 2, updated: 'x', urls: { [URL_A]: dated } },
      { version: 2, updated: 'x', urls: { [URL_A]: record({ lastClass: 'ok' }), 'https://example.test/b': 'ok' } },
      { version: 2, updated: 'x', urls: { 'javascript:alert(1)': record({ lastClass: 'ok' }) } },
      null, 42, 'text', { urls: 'nope' },
    ];
    for (const json of others) {
      expect(() => parseHealth(JSON.stringify(json)), JSON.stringify(json)).not.toThrow();
      expect(parseHealth(JSON.stringify(json)).size, JSON.stringify(json)).toBe(0);
    }
    expect(parseHealth('{ not json').size).toBe(0);
    expect(of({ lastClass: 'ok', lastChecked: 'not a date' })?.checked).toBeUndefined();
  });
});

describe('readHealth', () => {
  it('reads the file, and gives an empty map when it is missing, not JSON or not the checker\'s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'health-'));
    await writeFile(join(dir, 'good.json'), file({ [URL_A]: { lastClass: 'dead', problem: 'rotten', lastChecked: '2025-12-01T10:00:00Z', lastStatus: 404 } }));
    await writeFile(join(dir, 'foreign.json'), JSON.stringify({ [URL_A]: { lastStatus: 404 } }));
    await writeFile(join(dir, 'bad.json'), '{ not json');
    expect(healthOf(readHealth(join(dir, 'good.json')), URL_A)?.state).toBe('broken');
    expect(readHealth(join(dir, 'foreign.json')).size).toBe(0);
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
