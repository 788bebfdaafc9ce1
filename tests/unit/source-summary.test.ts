import { describe, expect, it } from 'vitest';
import { describeTypes, summarizeSources } from '../../src/site/source-summary.ts';

describe('summarizeSources', () => {
  it('counts sources, distinct publishers and each type in the site order', () => {
    const summary = summarizeSources([
      { publisher: 'Reuters', type: 'news' },
      { publisher: 'reuters ', type: 'news' },
      { publisher: 'European Council', type: 'primary' },
      { publisher: 'Think Tank', type: 'analysis' },
      { publisher: 'Think  Tank', type: 'analysis' },
      { publisher: 'Ministry', type: 'primary' },
      { publisher: 'Ministry', type: 'primary' },
    ]);
    expect(summary.sources).toBe(7);
    expect(summary.publishers).toBe(4);
    expect(summary.types).toEqual([
      { type: 'primary', count: 3 },
      { type: 'news', count: 2 },
      { type: 'analysis', count: 2 },
    ]);
    expect(summary.text).toBe('7 sources from 4 publishers: 3 primary documents, 2 news reports, 2 analyses.');
  });

  it('uses singular forms and mentions unlabelled sources only next to labelled ones', () => {
    expect(summarizeSources([{ publisher: 'A', type: 'official' }]).text).toBe('1 source from 1 publisher: 1 official statement.');
    expect(summarizeSources([{ publisher: 'A', type: 'analysis' }, { publisher: 'B' }]).text).toBe('2 sources from 2 publishers: 1 analysis, 1 unlabelled.');
    expect(summarizeSources([{ publisher: 'A' }, { publisher: 'B' }]).text).toBe('2 sources from 2 publishers.');
  });

  it('says zero plainly', () => {
    expect(summarizeSources([]).text).toBe('0 sources from 0 publishers.');
  });
});

describe('describeTypes', () => {
  it('names each kind with its count in the site order, unlabelled last', () => {
    expect(describeTypes([{ type: 'news' }, {}, { type: 'primary' }, { type: 'news' }])).toBe('1 primary document, 2 news reports, 1 unlabelled');
    expect(describeTypes([{}, {}])).toBe('2 unlabelled');
    expect(describeTypes([])).toBe('');
  });
});
