import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/citations/parse.ts';

const ids = (text: string) => parseCitations(text).groups.map((g) => g.items.map((i) => i.id));

describe('parseCitations', () => {
  it('reads a single citation with its offsets', () => {
    const text = 'The cap rose to 800,000 [@e3-draft].';
    const { groups, problems } = parseCitations(text);
    expect(problems).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(text.slice(groups[0]!.start, groups[0]!.end)).toBe('[@e3-draft]');
  });

  it('reads several sources in one group, in order', () => {
    expect(ids('Both agree [@a; @b-2; @c].')).toEqual([['a', 'b-2', 'c']]);
  });

  it('reads locators, trimmed', () => {
    const [group] = parseCitations('See [@doc, p. 4; @other,  ch. 2 ]').groups;
    expect(group!.items).toMatchObject([
      { id: 'doc', locator: 'p. 4' },
      { id: 'other', locator: 'ch. 2' },
    ]);
  });

  it('reads several groups in one text', () => {
    expect(ids('One [@a], two [@b] and [@a; @c].')).toEqual([['a'], ['b'], ['a', 'c']]);
  });

  it('ignores text without citations, emails and bracketed words', () => {
    expect(parseCitations('Write to desk@example.org [see below] or @handle.')).toEqual({ groups: [], problems: [] });
  });

  it.each([
    ['[@]', 'no source id'],
    ['[@ e3-draft]', 'space after'],
    ['[@E3_Draft]', 'characters ids cannot have'],
    ['[@a, ]', 'empty locator'],
    ['[@a;]', 'empty entry'],
    ['[@a; b]', 'without `@`'],
    ['text [@e3-draft and more', 'never closed'],
    ['text @e3-draft] more', 'no opening bracket'],
  ])('reports the near-miss %s instead of rendering it', (text, message) => {
    const { groups, problems } = parseCitations(text);
    expect(groups).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.hint.length).toBeGreaterThan(5);
  });

  it('keeps good groups when a neighbour is malformed', () => {
    const { groups, problems } = parseCitations('Fine [@a]. Broken [@ b]. Fine [@c].');
    expect(groups.map((g) => g.items[0]!.id)).toEqual(['a', 'c']);
    expect(problems).toHaveLength(1);
  });
});
