import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, joinNames, slugify } from '../../src/site/format.ts';
import { backlinkLetter, numberSources } from '../../src/site/sources.ts';
import { ariaCurrent, isSearchPage } from '../../src/site/nav.ts';
import { encodeTextDirective, quoteUrl, textDirective } from '../../src/site/text-fragment.ts';
import { typeset, typesetQuoted } from '../../src/site/typography.ts';
import { normalizeUrl } from '../../src/schema/url.ts';
import type { Source } from '../../src/schema/explainer.ts';

const source = (id: string): Source => ({ id, title: id, url: `https://example.test/${id}`, publisher: 'P' });

describe('numberSources', () => {
  it('numbers by citation order, lists uncited sources last, and links back to every use', () => {
    const numbered = numberSources([source('a'), source('b'), source('c')], { order: ['c', 'a'], uses: { c: 2, a: 1 }, locators: { c: ['p. 4', ''], a: [''] } });
    expect(numbered.map((s) => [s.source.id, s.number, s.anchor, s.backlinks])).toEqual([
      ['c', 1, 'source-c', [
        { target: 'cite-c-1', id: 'back-c-1', letter: 'a', locator: 'p. 4' },
        { target: 'cite-c-2', id: 'back-c-2', letter: 'b' },
      ]],
      // Cited once: a lone caret, no letter.
      ['a', 2, 'source-a', [{ target: 'cite-a-1', id: 'back-a-1' }]],
      ['b', undefined, 'source-b', []],
    ]);
  });

  it('letters back-links as Wikipedia does: a to z, then aa', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(backlinkLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('copes with an article the plugin recorded nothing for', () => {
    expect(numberSources([source('a')], undefined).map((s) => s.number)).toEqual([undefined]);
  });
});

describe('text fragments for quoted passages', () => {
  it('percent-encodes the directive\'s own syntax, spaces and non-ASCII, per the spec', () => {
    expect(encodeTextDirective('cease-fire, not peace & quiet')).toBe('cease%2Dfire%2C%20not%20peace%20%26%20quiet');
    expect(encodeTextDirective('Europe’s 800,000 – “cap”')).toBe('Europe%E2%80%99s%20800%2C000%20%E2%80%93%20%E2%80%9Ccap%E2%80%9D');
    // Characters the spec lets stand as themselves stay readable.
    expect(encodeTextDirective("it's (a) test!")).toBe("it's%20(a)%20test!");
  });

  it('links a short quote whole, a long one by its first and last words, and a gapped one around the gap', () => {
    expect(textDirective('Troops shall not exceed 600,000.')).toBe('text=Troops%20shall%20not%20exceed%20600%2C000.');
    expect(textDirective('One two three four five six seven eight nine ten eleven twelve.')).toBe('text=One%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve.');
    expect(textDirective('The cap rises … to 800,000 troops.')).toBe('text=The%20cap%20rises,to%20800%2C000%20troops.');
    expect(textDirective('  "  ')).toBeUndefined();
  });

  it('adds the directive after any fragment the URL has, and leaves a URL that has one alone', () => {
    expect(quoteUrl('https://example.test/a', 'A - B')).toBe('https://example.test/a#:~:text=A%20%2D%20B');
    expect(quoteUrl('https://example.test/a#part-2', 'Yes')).toBe('https://example.test/a#part-2:~:text=Yes');
    expect(quoteUrl('https://example.test/a#:~:text=x', 'Yes')).toBe('https://example.test/a#:~:text=x');
    expect(quoteUrl('https://example.test/a', undefined)).toBe('https://example.test/a');
  });
});

describe('header', () => {
  it('marks the section a page is in, and the section\'s own page as the current page', () => {
    expect(ariaCurrent('/explainers/', '/explainers/')).toBe('page');
    expect(ariaCurrent('/explainers/', '/explainers/red-lines/')).toBe('true');
    expect(ariaCurrent('/topics/', '/explainers/red-lines/')).toBeUndefined();
    expect(ariaCurrent('/explainers/', '/')).toBeUndefined();
  });

  it('knows the search page, which shows its own search box instead of the header\'s', () => {
    expect(['/search/', '/search', '/search/index.html'].map(isSearchPage)).toEqual([true, true, true]);
    expect(['/', '/searching/', '/explainers/search/'].map(isSearchPage)).toEqual([false, false, false]);
  });
});

describe('typeset', () => {
  it('curls quotes and apostrophes and sets dashes in frontmatter text', () => {
    expect(typeset('Europe\'s "red lines" -- and the \'cap\'')).toBe('Europe’s “red lines” – and the ‘cap’');
  });

  it('nests quotes in a title that stands inside double quotes', () => {
    expect(typesetQuoted('Europe\'s "red lines"')).toBe('Europe’s ‘red lines’');
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
    expect(normalizeUrl('https://WWW.Example.test/a/?utm_source=x&b=2&a=1#top')).toBe(normalizeUrl('https://example.test/a?a=1&b=2'));
    expect(normalizeUrl('https://example.test:443/a/')).toBe('https://example.test/a');
  });

  it('keeps different pages apart', () => {
    expect(normalizeUrl('https://example.test/a')).not.toBe(normalizeUrl('https://example.test/b'));
    expect(normalizeUrl('http://example.test/a?id=1')).not.toBe(normalizeUrl('http://example.test/a?id=2'));
  });
});
