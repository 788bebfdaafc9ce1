/**
 * The everyday traps of MDX and YAML, as a journalist types them: each gets a
 * plain message at the right line with what to type instead, and parser
 * jargon (acorn, U+0031, mapping entry) only ever on a second line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checks/article.ts';
import { severityOf } from '../../src/checks/report.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { NOW } from '../helpers/clock.ts';
import { fixture } from '../helpers/site.ts';

const SOURCE = 'sources:\n  - id: a\n    title: A report\n    url: https://news.test/a\n    publisher: News Wire';
const frontmatter = (fields = '') => `---\ntitle: Talks\nsummary: What the talks agreed.\npublished: 2025-11-20\nauthors: [Desk]\n${fields}${SOURCE}\n---\n\n`;
/** The first error of a file: where, and what the writer reads first. */
function firstError(text: string) {
  const error = checkArticle(parseArticle('x.mdx', text), { now: NOW }).file.messages.find((m) => severityOf(m) === 'error');
  return { line: error?.line, message: error?.reason ?? '', fix: (error?.note ?? '').split('\n')[0]!, detail: (error?.note ?? '').split('\n')[1] };
}
const JARGON = /acorn|U\+00|mapping entry|flow collection|estree|micromark|mdast/i;

describe('plain messages for the traps writers fall into', () => {
  it.each([
    ['a word in braces', 'A claim {curly} here [@a].', 13, /Curly braces \{ \} run code/, /type \\\{/],
    ['a phrase in braces', 'Talks resume {date to be confirmed} [@a].', 13, /Curly braces \{ \} are read as code/, /type \\\{ and \\\}/],
    ['< before a number', 'Fighting continues <10 km from the line [@a].', 13, /A < followed by a number or a space is read as the start of a tag/, /less than 10/],
    ['an HTML comment', '<!-- check this -->\n\nA claim [@a].', 13, /HTML comments \(<!-- … -->\) cannot be used/, /\{\/\* note \*\/\}/],
    ['a misspelled component', '<Analyis>\nOur view.\n</Analyis>\n\nA claim [@a].', 13, /<Analyis> is not a component explainers can use/, /did you mean <Analysis>\?/],
    ['an unclosed component', 'A claim [@a].\n\n<Analysis>\nOur view.', 15, /<Analysis> is opened but never closed/, /add <\/Analysis>/],
    ['a citation after the full stop', 'The cap is 800,000 troops. [@a]', 13, undefined, undefined],
  ])('%s', (_name, body, line, message, fix) => {
    const text = frontmatter() + body + '\n';
    if (!message) {
      const warning = checkArticle(parseArticle('x.mdx', text), { now: NOW }).file.messages.find((m) => m.ruleId === 'citation-placement');
      expect(warning?.reason).toBe('Citation comes after the full stop of its sentence');
      expect(warning?.note).toBe('move it before the full stop: "… is 800,000 troops [@a]."');
      return;
    }
    const error = firstError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.fix).toMatch(fix!);
    expect(`${error.message}\n${error.fix}`).not.toMatch(JARGON);
  });

  it.each([
    ['a colon in a value', 'title: Talks: what next\n', true, 5, /The value of `title` contains a colon/, /title: "Talks: what next"/],
    ['a tab to indent', 'topics:\n\t- Europe\n', false, 7, /A tab is used to indent this line/, /indent with spaces/],
    ['a list item that swallowed the next', 'topics:\n  - Ukraine peace talks\n    - Europe\n', false, 8, /`- Europe` is indented more than the line above, so it joins it: the list gets one item, "Ukraine peace talks - Europe"/, /same indentation/],
    ['a date that is not a date', 'updated: 2025-02-30\n', false, 6, /`updated` must be a real date written as YYYY-MM-DD/, undefined],
  ])('%s', (_name, fields, replacesTitle, line, message, fix) => {
    let text = frontmatter(fields) + 'A claim [@a].\n';
    if (replacesTitle) text = text.replace(/^title: Talks\n/m, '');
    const error = firstError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    if (fix) expect(error.fix).toMatch(fix);
    expect(`${error.message}\n${error.fix}`).not.toMatch(JARGON);
  });

  it("keeps the parser's own words, for developers, on a second line", () => {
    const error = firstError(frontmatter() + 'Fighting continues <10 km away [@a].\n');
    expect(error.detail).toMatch(/^\(for developers, the MDX parser said: Unexpected character `1` \(U\+0031\)/);
  });
});

// The everyday slips of tests/fixtures/citations/writer-*/ (their exact messages are in each expected.txt):
// every error says what is wrong in plain words and what to type, and the parser's words never come first.
const WRITER_CASES = readdirSync(fixture('citations')).filter((name) => name.startsWith('writer-'));
const PARSER_WORDS = /acorn|U\+[0-9A-F]{4}|mapping entry|flow collection|scalar|alias|estree|micromark|mdast|unexpected|expected|token|implicit key/i;

describe('the everyday slips of writers', () => {
  it('has enough cases to mean something', () => expect(WRITER_CASES.length).toBeGreaterThanOrEqual(40));

  it.each(WRITER_CASES)('%s: a plain message with a fix, at a line of the file', (name) => {
    const bytes = readFileSync(join(fixture('citations'), name, 'input.mdx'));
    const errors = checkArticle(parseArticle('x.mdx', bytes), { now: NOW }).file.messages.filter((m) => severityOf(m) === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const lines = new TextDecoder().decode(bytes).split(/\r?\n/).length;
    for (const error of errors) {
      const fix = (error.note ?? '').split('\n')[0]!;
      expect(`${error.reason}\n${fix}`, name).not.toMatch(PARSER_WORDS);
      expect(fix.length, `${name}: ${error.reason} has no fix`).toBeGreaterThan(5);
      expect(error.line, name).toBeGreaterThanOrEqual(1);
      expect(error.line, name).toBeLessThanOrEqual(lines);
    }
  });
});
