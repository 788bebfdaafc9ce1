/**
 * Bad and extreme input never crashes the checker: every case ends in
 * messages with positions, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { severityOf } from '../../src/checks/report.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { explainer, rng } from '../bench/corpus.ts';

const check = (text: string | Uint8Array) => checkArticle(parseArticle('x.mdx', text), { now: new Date('2030-01-01') });

describe('robustness', () => {
  /** An article of about `size` characters, its last paragraph uncited; returns the text and that line. */
  const large = (size: number) => {
    const base = explainer(1, rng(7));
    const [head, body] = [base.slice(0, base.indexOf('\n---\n') + 5), base.slice(base.indexOf('\n---\n') + 5)];
    let text = head;
    while (text.length < size) text += body.replace(/## Section/g, '## Part');
    const line = text.split('\n').length + 1;
    return { text: `${text}\nA closing claim without a source.\n`, line };
  };

  it('checks a 950 KB article and reports its one uncited paragraph with the right line', () => {
    const { text, line } = large(950_000);
    const { file, coverage } = check(text);
    const errors = file.messages.filter((m) => severityOf(m) === 'error');
    expect(errors.map((m) => `${m.line}:${m.ruleId}`)).toEqual([`${line}:uncited-claim`]);
    expect(coverage!.claims).toBeGreaterThan(200);
  });

  it('refuses a 5 MB article without parsing it, in plain words', () => {
    const { file, coverage } = check(large(5_000_000).text);
    expect(file.messages.map((m) => `${m.line}:${m.ruleId} ${m.reason}`)).toEqual([expect.stringMatching(/^1:limits File is 5,\d{3} KB; an explainer can be at most 1,000 KB$/)]);
    expect(coverage).toBeUndefined();
  });

  it('checks an article with 500 sources and finds the one unused source by position', () => {
    const sources = Array.from({ length: 500 }, (_, i) => `  - id: s${i}\n    title: Source ${i}\n    url: https://example.test/${i}\n    publisher: P${i % 37}`).join('\n');
    const cites = Array.from({ length: 499 }, (_, i) => `Claim ${i} [@s${i}].`).join('\n\n');
    const text = `---\ntitle: Many\nsummary: Many sources.\npublished: 2025-01-01\nauthors: [Desk]\nsources:\n${sources}\n---\n\n${cites}\n`;
    const { file } = check(text);
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([`${7 + 499 * 4}:9 unused-source Source \`s499\` is never cited`]);
  });

  it('reports 3,000 unknown ids among 3,000 sources each at its line, suggesting ids only for the first 50 (linear work)', () => {
    const sources = Array.from({ length: 3000 }, (_, i) => `  - id: source-${i}\n    title: Source ${i}\n    url: https://example.test/${i}\n    publisher: P`).join('\n');
    const cites = Array.from({ length: 3000 }, (_, i) => `Claim ${i} [@sourse-${i}] and [@source-${i}].`).join('\n\n');
    const text = `---\ntitle: Many\nsummary: Many sources.\npublished: 2025-01-01\nauthors: [Desk]\nsources:\n${sources}\n---\n\n${cites}\n`;
    const unknown = check(text).file.messages.filter((m) => m.ruleId === 'unknown-source');
    expect(unknown).toHaveLength(3000);
    expect(unknown[2999]!.line).toBe(9 + 3000 * 4 + 2 * 2999);
    // Each suggestion compares one id with every source id; a bounded number keeps the check linear.
    expect(unknown.filter((m) => m.note?.startsWith('did you mean'))).toHaveLength(50);
    expect(unknown[0]!.note).toBe('did you mean `source-0`?');
  });

  it.each([
    ['empty', ''],
    ['only whitespace', '\n\n  \n'],
    ['frontmatter never closed', '---\ntitle: x\n\nText.'],
    ['frontmatter is a list', '---\n- a\n- b\n---\n\nText [@a].'],
    ['frontmatter is a string', '---\nhello\n---\n\nText.'],
    ['sources is a string', '---\ntitle: T\nsummary: S\npublished: 2025-01-01\nauthors: [A]\nsources: nope\n---\n\nText [@a].'],
    ['a source is a number', '---\ntitle: T\nsummary: S\npublished: 2025-01-01\nauthors: [A]\nsources: [42]\n---\n\nText [@a].'],
    ['unclosed expression', '---\ntitle: T\n---\n\nText {unclosed'],
    ['stray closing tag', '---\ntitle: T\n---\n\nText </Analysis>'],
    ['NUL bytes', '---\ntitle: T\n---\n\nText\u0000 [@a].'],
    ['CR-only line ends', '---\rtitle: T\r---\r\rText.'],
    ['invalid UTF-8', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a])],
  ])('gives positioned messages for %s', (_name, input) => {
    const { file } = check(input);
    expect(file.messages.length).toBeGreaterThan(0);
    for (const message of file.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(message.ruleId).toBeTruthy();
      expect(message.reason).not.toMatch(/TypeError|undefined|\[object/);
    }
  });
});
