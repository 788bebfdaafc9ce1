/** The pure parts of search: URL state, Pagefind queries, excerpts, match regions, records and wording. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptAround, excerptParts } from '../../src/search/excerpt.ts';
import { orderValues } from '../../src/search/filter-values.ts';
import { resultsMessage } from '../../src/search/messages.ts';
import { toPagefindQuery } from '../../src/search/query.ts';
import { recordTags, searchRecord } from '../../src/search/record.ts';
import { analysisRanges, matchRegions, regionBounds } from '../../src/search/regions.ts';
import { emptyState, isActive, parseState, sameState, stateToQuery } from '../../src/search/state.ts';

describe('search state in the URL', () => {
  it('reads words, repeated filter values and the sort, ignoring junk', () => {
    const state = parseState('?q=snap+back&topic=Iran&topic=Iraq&topic=Iran&year=2025&publisher=%20&sort=newest&colour=red');
    expect(state).toEqual({ q: 'snap back', filters: { topic: ['Iran', 'Iraq'], year: ['2025'], publisher: [] }, sort: 'newest' });
    expect(parseState('?sort=sideways').sort).toBe('relevance');
    expect(parseState('')).toEqual(emptyState());
  });

  it('writes short URLs that read back to the same state', () => {
    const state = parseState('?q=Budapest%20Memorandum&publisher=Reuters%3A%20Europe&sort=oldest');
    expect(stateToQuery(state)).toBe('q=Budapest+Memorandum&publisher=Reuters%3A+Europe&sort=oldest');
    expect(parseState(stateToQuery(state))).toEqual(state);
    expect(stateToQuery(emptyState())).toBe('');
  });

  it('knows when there is anything to search and when two states are the same search', () => {
    expect(isActive(parseState('?q=%20%20'))).toBe(false);
    expect(isActive(parseState('?year=2024'))).toBe(true);
    expect(sameState(parseState('?q=snapback%20'), parseState('?q=snapback'))).toBe(true);
    expect(sameState(parseState('?q=snapback'), parseState('?q=snapback&sort=newest'))).toBe(false);
  });
});

describe('Pagefind query', () => {
  it('ORs values within a filter, ANDs filters, and maps sorts to the date key', () => {
    const query = toPagefindQuery(parseState('?q=%20ceasefire%20&topic=Iran&topic=Iraq&year=2025&sort=newest'));
    expect(query).toEqual({
      term: 'ceasefire',
      options: { filters: { topic: { any: ['Iran', 'Iraq'] }, year: { any: ['2025'] } }, sort: { date: 'desc' } },
    });
    expect(toPagefindQuery(parseState('?topic=Iran&sort=oldest'))).toEqual({
      term: null,
      options: { filters: { topic: { any: ['Iran'] } }, sort: { date: 'asc' } },
    });
    expect(toPagefindQuery(parseState('?q=x')).options).toEqual({ filters: {} });
  });
});

describe('excerpts', () => {
  it('splits Pagefind excerpts into text and highlighted runs, decoding entities', () => {
    expect(excerptParts('the <mark>snapback</mark> &lt;clause&gt; &amp; Q&#39;s &#x2014; end')).toEqual([
      { text: 'the ', mark: false },
      { text: 'snapback', mark: true },
      { text: " <clause> & Q's — end", mark: false },
    ]);
  });

  it('never passes other markup through', () => {
    const parts = excerptParts('a <img src=x onerror=alert(1)><mark>b</mark><script>c</script>');
    expect(parts.map((p) => p.text).join('')).toBe('a bc');
    expect(parts.find((p) => p.mark)?.text).toBe('b');
    expect(decodeEntities('&bogus; &#99999999;')).toBe('&bogus; &#99999999;');
  });

  it('builds an excerpt around word positions with ellipses where text was cut', () => {
    const content = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const parts = excerptAround(content, [20, 21], 6);
    expect(parts).toEqual([
      { text: '… w18 w19 ', mark: false },
      { text: 'w20', mark: true },
      { text: ' ', mark: false },
      { text: 'w21', mark: true },
      { text: ' w22 w23 …', mark: false },
    ]);
    expect(excerptAround('one two', [0], 6)).toEqual([{ text: 'one', mark: true }, { text: ' two', mark: false }]);
    expect(excerptAround('one two', [])).toEqual([]);
    // Bounded to words 10..13: no ellipsis at a region's own start, one where the region goes on.
    expect(excerptAround(content, [11, 30], 3, [10, 14])).toEqual([
      { text: 'w10 ', mark: false },
      { text: 'w11', mark: true },
      { text: ' w12 …', mark: false },
    ]);
    expect(excerptAround(content, [30], 6, [10, 14])).toEqual([]);
    expect(excerptAround('said “snapback”, then', [1])).toEqual([
      { text: 'said “', mark: false },
      { text: 'snapback', mark: true },
      { text: '”, then', mark: false },
    ]);
  });
});

describe('match regions', () => {
  const anchors = [
    { id: 'why', location: 5 },
    { id: 'analysis-block-1', location: 10 },
    { id: 'analysis-block-1-end', location: 15 },
    { id: 'analysis-block-2', location: 20 },
    { id: 'analysis-block-2-end', location: 22 },
    { id: 'sources-heading', location: 30 },
  ];

  it('finds analysis ranges from start and end markers', () => {
    expect(analysisRanges(anchors)).toEqual([[10, 15], [20, 22]]);
    // A block missing its end marker covers nothing rather than the rest of the page.
    expect(analysisRanges([{ id: 'analysis-block-1', location: 3 }])).toEqual([[3, 3]]);
  });

  it('sorts matches into text, analysis and sources', () => {
    expect(matchRegions({ anchors, locations: [31, 12, 2] })).toEqual({ regions: ['text', 'analysis', 'sources'], analysisLocations: [12] });
    expect(matchRegions({ anchors, locations: [15, 22] }).regions).toEqual(['text']);
    expect(matchRegions({ anchors: [], locations: [0, 100] }).regions).toEqual(['text']);
  });

  it('gives the stretch of page around a match that belongs to the same region', () => {
    const data = { anchors, wordCount: 40 };
    expect(regionBounds(12, data)).toEqual([10, 15]);
    expect(regionBounds(3, data)).toEqual([0, 10]);
    expect(regionBounds(17, data)).toEqual([15, 20]);
    expect(regionBounds(25, data)).toEqual([22, 30]);
    expect(regionBounds(35, data)).toEqual([30, 40]);
    expect(regionBounds(5, { anchors: [], wordCount: 9 })).toEqual([0, 9]);
  });
});

describe('search record of an article', () => {
  const data = {
    title: 'Snapback',
    summary: 'How it works.',
    published: new Date('2024-09-03'),
    topics: ['Iran', 'Sanctions', 'iran '],
    sources: [
      { id: 'a', title: 'A', url: 'https://a.example', publisher: 'Reuters' },
      { id: 'b', title: 'B', url: 'https://b.example', publisher: 'Meridian Ledger' },
      { id: 'c', title: 'C', url: 'https://c.example', publisher: 'Reuters ' },
    ],
  };

  it('carries metadata, deduplicated filters and the sort date', () => {
    expect(searchRecord(data)).toEqual({
      meta: { title: 'Snapback', summary: 'How it works.', date: '2024-09-03', dateLabel: '3 September 2024' },
      filters: { topic: ['Iran', 'Sanctions'], year: ['2024'], publisher: ['Reuters', 'Meridian Ledger'] },
      sort: { date: '2024-09-03' },
    });
  });

  it('flattens into one tag per value', () => {
    const tags = recordTags(searchRecord(data));
    expect(tags.filter((t) => t.kind === 'filter' && t.key === 'publisher').map((t) => t.value)).toEqual(['Reuters', 'Meridian Ledger']);
    expect(tags).toContainEqual({ kind: 'sort', key: 'date', value: '2024-09-03' });
    expect(tags).toContainEqual({ kind: 'meta', key: 'summary', value: 'How it works.' });
  });
});

describe('filter value order', () => {
  it('puts years newest first and others by use, keeping selected values visible', () => {
    expect(orderValues('year', { '2023': 5, '2025': 1, '2024': 2 }).shown).toEqual(['2025', '2024', '2023']);
    const counts = { Reuters: 5, AP: 5, BBC: 1, CNN: 2 };
    expect(orderValues('publisher', counts, [], 2)).toEqual({ shown: ['AP', 'Reuters'], more: ['CNN', 'BBC'] });
    expect(orderValues('publisher', counts, ['BBC', 'Gone'], 2)).toEqual({ shown: ['AP', 'Reuters', 'BBC', 'Gone'], more: ['CNN'] });
  });
});

describe('result messages', () => {
  it('says how many explainers match what, and what to try when none do', () => {
    expect(resultsMessage(parseState('?q=snapback'), 1)).toBe('1 explainer matches “snapback”.');
    expect(resultsMessage(parseState('?q=ceasefire&topic=Ukraine&topic=Iran'), 2)).toBe('2 explainers match “ceasefire” (Topic: Ukraine or Iran).');
    expect(resultsMessage(parseState('?year=2024'), 3)).toBe('3 explainers match the filters Year published: 2024.');
    expect(resultsMessage(parseState('?q=zzz'), 0)).toBe('No explainers match “zzz”. Try other or fewer words.');
    expect(resultsMessage(parseState('?q=zzz&year=2024'), 0)).toMatch(/clear a filter/);
  });
});
