import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseHttpUrl } from '../../src/schema/url.ts';
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

  it('gives the link-rot watcher one key per page: case of scheme and host, default ports, credentials, fragments, tracking', () => {
    expect(normalizeUrl(' HTTPS://Example.ORG:443/a/b?utm_source=x&id=3&fbclid=y#frag ')).toBe('https://example.org/a/b?id=3');
    expect(normalizeUrl('http://example.org:80/?utm_medium=mail')).toBe('https://example.org');
    expect(normalizeUrl('https://user:secret@example.org/a')).toBe('https://example.org/a');
    // One source, one check: a trailing slash does not make another source.
    expect(normalizeUrl('https://example.org/a/')).toBe(normalizeUrl('https://example.org/a'));
    expect(normalizeUrl(normalizeUrl('http://www.example.org/a/?b=1&a=2'))).toBe(normalizeUrl('http://www.example.org/a/?b=1&a=2'));
  });

  it('returns non-http strings unchanged (trimmed)', () => {
    expect(normalizeUrl(' not a url ')).toBe('not a url');
    expect(normalizeUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(normalizeUrl('/relative')).toBe('/relative');
  });
});

describe('parseHttpUrl', () => {
  it('parses absolute http(s) addresses only', () => {
    expect(parseHttpUrl(' https://Example.org/a#x ')?.href).toBe('https://example.org/a#x');
    expect(parseHttpUrl('mailto:a@example.org')).toBeUndefined();
    expect(parseHttpUrl('/relative')).toBeUndefined();
    expect(parseHttpUrl('javascript:alert(1)')).toBeUndefined();
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
