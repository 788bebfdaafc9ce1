import { describe, expect, it } from 'vitest';
import { buildTopics, topicsByCount } from '../../src/site/topics.ts';
import { buildSourceIndex, groupByPublisher } from '../../src/site/source-index.ts';
import { explainer, source } from '../helpers/explainer-data.ts';

const older = explainer('older', {
  published: '2025-10-01',
  topics: ['Peace talks', 'NATO'],
  sources: [
    source('plan', { url: 'http://www.example.test/plan/', title: 'Old title of the plan', publisher: 'Reuters', type: 'primary', archived: 'https://archive.example.test/plan' }),
    source('op-ed', { url: 'https://think.example/op-ed', publisher: 'Think Tank', type: 'analysis' }),
  ],
});
const newer = explainer('newer', {
  published: '2025-11-01',
  topics: ['peace talks', 'Europe'],
  sources: [
    source('the-plan', { url: 'https://example.test/plan?utm_source=feed', title: 'The plan', publisher: 'Reuters', type: 'primary' }),
    source('statement', { url: 'https://gov.example/statement', publisher: 'reuters' }),
  ],
});
const unrelated = explainer('unrelated', { topics: [], sources: [source('x', { url: 'https://other.example/x', publisher: 'Other Post' })] });

describe('buildTopics', () => {
  it('merges topics that differ in case or punctuation and lists each explainer under them', () => {
    const topics = buildTopics([newer, older, unrelated]);
    expect(topics.map((t) => [t.name, t.slug, t.path, t.explainers.map((e) => e.id)])).toEqual([
      ['Europe', 'europe', '/topics/europe/', ['newer']],
      ['NATO', 'nato', '/topics/nato/', ['older']],
      // A tie between spellings goes to the capitalised one.
      ['Peace talks', 'peace-talks', '/topics/peace-talks/', ['newer', 'older']],
    ]);
  });

  it('orders the home page topics by how many explainers they have', () => {
    expect(topicsByCount(buildTopics([newer, older])).map((t) => t.slug)).toEqual(['peace-talks', 'europe', 'nato']);
  });

  it('lists an explainer once even if it repeats a topic', () => {
    const twice = explainer('twice', { topics: ['NATO', 'nato'] });
    expect(buildTopics([twice])[0]?.explainers.map((e) => e.id)).toEqual(['twice']);
  });
});

describe('buildSourceIndex', () => {
  const index = buildSourceIndex([older, unrelated, newer]);

  it('keeps one entry per normalised URL, cited by every explainer using it, newest first', () => {
    const plan = index.find((s) => s.key === 'https://example.test/plan');
    expect(plan?.citedBy.map((c) => [c.id, c.href])).toEqual([
      ['newer', '/explainers/newer/#source-the-plan'],
      ['older', '/explainers/older/#source-plan'],
    ]);
    expect(index).toHaveLength(4);
  });

  it('takes wording from the newest citation and the archived copy from any', () => {
    const plan = index.find((s) => s.key === 'https://example.test/plan');
    expect(plan).toMatchObject({ title: 'The plan', url: 'https://example.test/plan?utm_source=feed', type: 'primary', archived: 'https://archive.example.test/plan', publisher: 'Reuters' });
  });

  it('groups by publisher regardless of case, alphabetically, with explainer counts', () => {
    const groups = groupByPublisher(index);
    expect(groups.map((g) => [g.name, g.path, g.sources.length, g.explainerCount])).toEqual([
      ['Other Post', '/sources/other-post/', 1, 1],
      ['Reuters', '/sources/reuters/', 2, 2],
      ['Think Tank', '/sources/think-tank/', 1, 1],
    ]);
  });

  it('is empty for a site without explainers', () => {
    expect(buildSourceIndex([])).toEqual([]);
    expect(groupByPublisher([])).toEqual([]);
  });
});
