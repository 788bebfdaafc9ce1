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
    ['[@E3_Draft]', 'which has capital letters and an underscore _'],
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

  // Everyday slips: each names what is wrong and gives the citation to type, with the id the writer meant.
  it.each([
    ['[@e3-draft: p. 4]', 'has a colon before the page', '[@e3-draft, p. 4]', ['e3-draft']],
    ['[@e3-draft p. 4]', 'has no comma between the id and the page', '[@e3-draft, p. 4]', ['e3-draft']],
    ['[@a and @b-2]', 'names several sources without a `;` between them', '[@a; @b-2]', ['a', 'b-2']],
    ['[@a @b]', 'names several sources without a `;`', '[@a; @b]', ['a', 'b']],
    ['[@a, @b]', 'separates sources with a comma', '[@a; @b]', ['a', 'b']],
    ['[@a; b]', 'has an entry without `@`', '[@a; @b]', ['a', 'b']],
    ['[@e3-draft.]', 'has `.` inside the brackets', '[@e3-draft].', ['e3-draft']],
    ['[@Reuters]', 'which has capital letters', 'write [@reuters]', ['reuters']],
    ['[@e3–draft]', 'a long dash (– or —', 'write [@e3-draft]', ['e3-draft']],
    ['[@e3\u200b-draft]', 'an invisible character', 'write [@e3-draft]', ['e3-draft']],
    ['[@\u00a0e3-draft]', 'has a space after `@`', '[@e3-draft]', ['e3-draft']],
    ['[\uff20e3-draft]', 'starts with a full-width ＠', 'type an ordinary @: [@e3-draft]', ['e3-draft']],
    ['[@e3-draft, p.4 and on.', 'is never closed', 'where the citation ends: [@e3-draft, p.4]', ['e3-draft']],
    ['[@e3-draft) and on.', 'is never closed', 'end it with ] instead of ): [@e3-draft]', ['e3-draft']],
  ])('names the slip in %s and what to type', (written, message, hint, intended) => {
    const text = `The cap rose ${written}`;
    const { groups, problems } = parseCitations(text);
    expect(groups).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.hint).toContain(hint);
    expect(problems[0]!.intended).toEqual(intended);
  });

  it('offers no id for a letter of another alphabet, which cannot be guessed', () => {
    const [problem] = parseCitations('A claim [@\u0430lpha].').problems;
    expect(problem!.message).toContain('a letter of another alphabet');
    expect(problem!.intended).toBeUndefined();
  });

  it('reports doubled brackets readers would see, but not an aside in brackets', () => {
    expect(parseCitations('The cap [[@a]].').problems[0]!.message).toBe('Citation `[[@a]]` has an extra bracket, which readers would see');
    expect(parseCitations('The cap [[@a]].').problems[0]!.hint).toBe('write it with one pair of brackets: [@a]');
    expect(parseCitations('The cap [see the draft [@a]].').problems).toEqual([]);
  });

  it('keeps good groups when a neighbour is malformed', () => {
    const { groups, problems } = parseCitations('Fine [@a]. Broken [@ b]. Fine [@c].');
    expect(groups.map((g) => g.items[0]!.id)).toEqual(['a', 'c']);
    expect(problems).toHaveLength(1);
  });
});
