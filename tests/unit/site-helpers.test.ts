import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, joinNames, slugify } from '../../src/site/format.ts';
import { numberSources } from '../../src/site/sources.ts';
import { normalizeUrl } from '../../src/schema/url.ts';
import type { Source } from '../../src/schema/explainer.ts';

const source = (id: string): Source => ({ id, title: id, url: `https://example.org/${id}`, publisher: 'P' });

describe('numberSources', () => {
  it('numbers by citation order, lists uncited sources last, and links back to every use', () => {
    const numbered = numberSources([source('a'), source('b'), source('c')], { order: ['c', 'a'], uses: { c: 2, a: 1 } });
    expect(numbered.map((s) => [s.source.id, s.number, s.anchor, s.backlinks])).toEqual([
      ['c', 1, 'source-c', ['cite-c-1', 'cite-c-2']],
      ['a', 2, 'source-a', ['cite-a-1']],
      ['b', undefined, 'source-b', []],
    ]);
  });

  it('copes with an article the plugin recorded nothing for', () => {
    expect(numberSources([source('a')], undefined).map((s) => s.number)).toEqual([undefined]);
  });
});

describe('format helpers', () => {
  it('formats calendar dates in UTC whatever the machine time zone', () => {
    const date = new Date('2025-11-23T00:00:00Z');
    expect(formatDate(date)).toBe('23 November 2025');
    expect(isoDate(date)).toBe('2025-11-23');
  });

  it('joins names the way people read them', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('slugifies names with accents and punctuation', () => {
    expect(slugify('Peace talks: Zelenskyy’s Élysée visit')).toBe('peace-talks-zelenskyy-s-elysee-visit');
  });
});

describe('normalizeUrl', () => {
  it('treats cosmetic differences as the same source', () => {
    expect(normalizeUrl('https://WWW.Example.org/a/?utm_source=x&b=2&a=1#top')).toBe(normalizeUrl('https://example.org/a?a=1&b=2'));
    expect(normalizeUrl('https://example.org:443/a/')).toBe('https://example.org/a');
  });

  it('keeps different pages apart', () => {
    expect(normalizeUrl('https://example.org/a')).not.toBe(normalizeUrl('https://example.org/b'));
    expect(normalizeUrl('http://example.org/a?id=1')).not.toBe(normalizeUrl('http://example.org/a?id=2'));
  });
});
