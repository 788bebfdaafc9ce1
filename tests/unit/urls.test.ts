import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/schema/url.ts';
import { nameSlug, publisherPath, topicPath } from '../../src/site/paths.ts';

describe('normalizeUrl', () => {
  it('treats spelling variants of one page as the same source', () => {
    const variants = [
      'https://www.Example.org/report/',
      'http://example.org/report',
      'https://example.org:443/report#section-2',
      'https://example.org/report?utm_source=x&utm_medium=y',
      ' https://EXAMPLE.org/report//?fbclid=abc ',
    ];
    expect(new Set(variants.map(normalizeUrl))).toEqual(new Set(['https://example.org/report']));
  });

  it('keeps what changes the document: path case, meaningful parameters (sorted), ports', () => {
    expect(normalizeUrl('https://example.org/Report')).not.toBe(normalizeUrl('https://example.org/report'));
    expect(normalizeUrl('https://example.org/a?b=2&a=1')).toBe('https://example.org/a?a=1&b=2');
    expect(normalizeUrl('https://example.org/a?id=1')).not.toBe(normalizeUrl('https://example.org/a?id=2'));
    expect(normalizeUrl('http://example.org:8080/a')).toBe('https://example.org:8080/a');
    expect(normalizeUrl('https://example.org/')).toBe('https://example.org');
  });

  it('returns non-http strings unchanged (trimmed)', () => {
    expect(normalizeUrl(' not a url ')).toBe('not a url');
    expect(normalizeUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
  });
});

describe('page paths', () => {
  it('slugs topic and publisher names, never to an empty or shared address', () => {
    expect(topicPath('Ukraine peace talks')).toBe('/topics/ukraine-peace-talks/');
    expect(publisherPath('crisis.zone')).toBe('/sources/crisis-zone/');
    expect(publisherPath('Le Monde ')).toBe('/sources/le-monde/');
    const a = nameSlug('Україна', 'topic');
    const b = nameSlug('Росія', 'topic');
    expect(a).toMatch(/^topic-[a-z0-9]+$/);
    expect(a).not.toBe(b);
    expect(nameSlug('Україна', 'topic')).toBe(a);
  });
});
