/** The pure parts of search: URL state, Pagefind queries, excerpts, match regions, records and wording. */
import { describe, expect, it } from 'vitest';
import { excerptAround, type ExcerptPart } from '../../src/search/excerpt.ts';
import { countFacets, facetCounts, facetQueries } from '../../src/search/facets.ts';
import { endsSentence, headingRanges, sentenceAt } from '../../src/search/sentences.ts';
import { orderValues } from '../../src/search/filter-values.ts';
import { resultsMessage } from '../../src/search/messages.ts';
import { toPagefindQuery } from '../../src/search/query.ts';
import { recordTags, searchRecord } from '../../src/search/record.ts';
import { analysisRanges, countedLocations, entryRanges, matchRegions, regionBounds } from '../../src/search/regions.ts';
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
  /** Text as Pagefind indexes an article: headline, summary, byline, then the body; headings end with a full stop. */
  const content = [
    'How snapback works.',
    'A mechanism restores sanctions.',
    'By Desk · Published 3 September 2024.',
    'The deal was signed in 2015 by seven parties.',
    'Why snapback matters.',
    'Any original party can restore the sanctions within thirty days, and no other member of the council can block it by a veto once the process has started in New York.',
    'That is the “snapback”, as diplomats call it.',
  ].join(' ');
  const words = content.split(/\s+/);
  const at = (word: string, from = 0) => words.findIndex((w, i) => i >= from && w.replace(/[^\p{L}]/gu, '').toLowerCase() === word);
  const headings = headingRanges([{ element: 'h2', text: 'Why snapback matters', location: at('why') }]);
  const source = { words, headings, skip: 7 };
  const text = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  it('knows where sentences and headings end, and that U.S. ends no sentence', () => {
    expect(endsSentence('days.')).toBe(true);
    expect(endsSentence('it.”')).toBe(true);
    expect(endsSentence('U.S.')).toBe(false);
    expect(endsSentence('veto')).toBe(false);
    expect(headings).toEqual([[at('why'), at('why') + 3]]);
    const edges = new Set(headings.flat());
    expect(sentenceAt(words, at('matters'), 0, words.length, edges)).toEqual(headings[0]);
    expect(sentenceAt(words, at('signed'), 0, words.length, edges)).toEqual([at('the'), at('why')]);
  });

  it('shows whole sentences around a match, never the heading run into the text, without ellipses when nothing was cut', () => {
    expect(text(excerptAround(source, [at('signed')], 30))).toBe('The deal was [signed] in 2015 by seven parties.');
  });

  it('cuts a long sentence at word boundaries with ellipses, and marks words without their punctuation', () => {
    const veto = at('veto');
    expect(text(excerptAround(source, [veto], 12))).toBe('… block it by a [veto] once the process has started in New …');
    const parts = excerptAround(source, [veto], 12);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['veto']);
    expect(parts.map((p) => p.text).join('').split(' ').filter((w) => w !== '…')).toHaveLength(12);
    // “snapback”, highlights the word only.
    expect(text(excerptAround(source, [at('snapback', at('that'))], 30))).toBe('That is the “[snapback]”, as diplomats call it.');
  });

  it('prefers the body to the headline, a sentence matching more words, and text to a heading', () => {
    const snapbacks = words.flatMap((w, i) => (/snapback/i.test(w) ? [i] : []));
    // Headline, heading and body all say snapback: the body sentence wins.
    expect(text(excerptAround(source, snapbacks, 30))).toBe('That is the “[snapback]”, as diplomats call it.');
    // Only the headline matched: it is shown rather than nothing.
    expect(text(excerptAround(source, [at('snapback')], 30))).toMatch(/^How \[snapback\] works\./);
    expect(text(excerptAround(source, [at('deal'), at('parties'), at('veto')], 40))).toMatch(/^The \[deal\] was signed in 2015 by seven \[parties\]\./);
    // Matched words side by side are one highlight.
    expect(text(excerptAround(source, [at('seven'), at('parties')], 40))).toBe('The deal was signed in 2015 by [seven parties].');
  });

  it('stays inside the region of the match, with an ellipsis where the region goes on', () => {
    const bounded = { words: Array.from({ length: 40 }, (_, i) => `w${i}`), bounds: () => [10, 14] as const };
    expect(text(excerptAround(bounded, [11, 30], 3))).toBe('w10 [w11] w12 …');
    expect(excerptAround({ words: ['one', 'two'] }, [])).toEqual([]);
  });
});

describe('filter counts', () => {
  const state = parseState('?q=ceasefire&topic=Ukraine&year=2025');

  it('asks, for each filter in use, the same search without that filter’s own values', () => {
    expect(facetQueries(state)).toEqual([
      { key: 'topic', query: { term: 'ceasefire', options: { filters: { year: { any: ['2025'] } } } } },
      { key: 'year', query: { term: 'ceasefire', options: { filters: { topic: { any: ['Ukraine'] } } } } },
    ]);
    expect(facetQueries(parseState('?q=x'))).toEqual([]);
  });

  it('takes a ticked filter’s counts from its own query and the others from the main search', () => {
    const main = { topic: { Ukraine: 2 }, year: { '2025': 2 }, publisher: { Reuters: 1, AP: 2 } };
    const counts = facetCounts(main, { topic: { topic: { Ukraine: 2, Iran: 1 }, year: { '2025': 3 } } });
    expect(counts).toEqual({ topic: { Ukraine: 2, Iran: 1 }, year: { '2025': 2 }, publisher: { Reuters: 1, AP: 2 } });
  });

  it('runs the extra searches, using the whole index’s counts for a search with nothing left', async () => {
    const asked: string[] = [];
    const counts = await countFacets(
      parseState('?topic=Iran'),
      { topic: { Iran: 1 }, year: { '2024': 1 } },
      async (query) => (asked.push(JSON.stringify(query)), {}),
      async () => ({ topic: { Iran: 1, Ukraine: 2 }, year: { '2024': 1, '2025': 2 } }),
    );
    expect(asked).toEqual([]);
    expect(counts.topic).toEqual({ Iran: 1, Ukraine: 2 });
    expect(counts.year).toEqual({ '2024': 1 });
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

  it('ignores matches in the “Cite this” reference, and knows where each Sources entry ends', () => {
    const page = [...anchors, { id: 'source-a', location: 32 }, { id: 'source-b', location: 35 }, { id: 'cite-heading', location: 38, element: 'h2' }];
    expect(countedLocations({ anchors: page, locations: [2, 33, 38, 39] })).toEqual([2, 33]);
    expect(entryRanges(page, 45)).toEqual([[32, 35], [35, 38]]);
    // A match in an entry shows the entry whole (title and publisher), not the entry after it.
    const words = 'Sources. Grain exports by port, monthly. Meridian Ledger. First convoy leaves. Reuters.'.split(' ');
    const excerpt = excerptAround({ words, blocks: [[1, 8], [8, 12]] }, [6, 7]);
    expect(excerpt.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')).toBe('Grain exports by port, monthly. [Meridian Ledger].');
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

  it('typesets the headline and summary as the article shows them', () => {
    expect(searchRecord({ ...data, title: "Europe's plan -- and Kyiv's", summary: 'The "deal".' }).meta).toMatchObject({ title: 'Europe’s plan – and Kyiv’s', summary: 'The “deal”.' });
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
