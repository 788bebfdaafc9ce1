/**
 * Limits on what any parser is asked to read, checked in one linear pass over
 * the text before remark or Sätteri sees it.
 *
 * Hostile or broken input (a thousand nested quotes or tags, a pasted
 * megabyte) made Sätteri die with a bare segmentation fault and remark's
 * recursive helpers throw RangeError. No real explainer comes near these
 * limits: the deepest sample nests three levels.
 */
import type { VFile } from 'vfile';
import { NOTICES } from '../schema/notices.ts';
import { report } from './report.ts';

/** The limits, with the plain words the messages use. */
export const LIMITS = {
  /** Bytes of text (UTF-16 code units, close enough for a limit). */
  size: 1_000_000,
  /** Quotes inside quotes, lists inside lists, elements inside elements, brackets inside brackets. */
  depth: 32,
  /** Leading spaces on a line (a tab counts as 4): list nesting shows as indentation. */
  indent: 128,
  /** Runs of `*`, `_` or `~` in one paragraph: remark pairs them in worse than linear time. */
  emphasis: 300,
  /** Opening brackets in one paragraph (links and citations): pairing many is slow too. */
  brackets: 500,
  /** Columns of a table: every body row is filled out to the header's width, so a wide header multiplies the page. */
  columns: 30,
  /**
   * Separate quotes and lists in one file. remark's parser splices its whole event list each
   * time one ends, so its time grows with their number times the file's size: 4,000 one-line
   * quotes (48 KB) took 2 s and each doubling four times as long; a megabyte of them, hours.
   */
  containers: 300,
} as const;

/** A limit broken on a line. */
export interface LimitProblem {
  line: number;
  message: string;
  hint: string;
}

const TAG = /<(\/?)([A-Za-z][\w.:-]*)(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*?(\/?)>/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A list item marker at the start of a line's remaining prefix: `- `, `* `, `+ `, `1. `, `1) `. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const EMPHASIS = /[*_~]+/g;
/** A table's delimiter row, `| --- | :-: |`. */
const DELIMITER_ROW = /^[ \t>]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
/**
 * Characters no writer means to type, which reach the page unseen: control
 * characters (NUL…), and the bidirectional overrides and isolates that can
 * show a sentence, or a citation, in an order other than the one checked.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const kb = (n: number) => `${Math.ceil(n / 1000).toLocaleString('en-GB')} KB`;

/** Find the first broken limit of each kind; linear in the text's length. */
export function findLimitProblems(text: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (text.length > LIMITS.size) {
    problems.push({
      line: 1,
      message: `File is ${kb(text.length)}; an explainer can be at most ${kb(LIMITS.size)}`,
      hint: 'split it into several explainers, or remove pasted data',
    });
    return problems;
  }
  const seen = new Set<string>();
  if (/\r(?!\n)/.test(text)) {
    // Astro and the parsers disagree on where such lines end (Astro finds no frontmatter at all).
    problems.push({ line: 1, message: 'File uses old Mac line endings (a lone CR)', hint: 'save the file with normal line endings: in most editors, choose "LF" or "Unix" line endings' });
    return problems;
  }
  const flag = (kind: string, line: number, message: string, hint: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    problems.push({ line, message, hint });
  };
  let tags = 0;
  let containers = 0;
  // The quote depth of the line before (0 after a blank line, which ends every quote), and whether a list is open.
  let quoted = 0;
  let listOpen = false;
  let emphasis = 0;
  let opened = 0;
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const number = index + 1;
    // Checked in code blocks too: they reach the page as well.
    const invisible = INVISIBLE.exec(line);
    if (invisible) {
      const code = `U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      flag('invisible', number, `Line has an invisible control character (${code}) at column ${invisible.index + 1}`, 'delete it: retype the words around it (it often comes from copying text out of a PDF or another site)');
    }
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    // The line's prefix: quote markers, list markers and indentation, each a level of nesting.
    let quotes = 0;
    let indent = 0;
    let lists = 0;
    for (let i = 0; i < line.length; ) {
      const c = line[i]!;
      // Indentation counts before the first marker only: `- - -` is nesting, reported as such.
      if (c === '>') quotes++;
      else if (c === ' ') indent += quotes + lists === 0 ? 1 : 0;
      else if (c === '\t') indent += quotes + lists === 0 ? 4 : 0;
      else {
        const item = LIST_MARKER.exec(line.slice(i, i + 12));
        if (!item) break;
        lists++;
        i += item[0].length;
        continue;
      }
      i++;
    }
    if (line.trim() === '') quoted = 0;
    else {
      // A quote opens where the line is quoted deeper than the one before; a list, at its first item.
      if (quotes > quoted) containers++;
      if (lists > 0 && !listOpen) containers++;
      // An unindented line without a marker ends the list (a lazy line may be counted twice: the limit is generous).
      listOpen = lists > 0 || (listOpen && indent > 0);
      quoted = quotes;
    }
    if (containers > LIMITS.containers) flag('containers', number, `This file has more than ${LIMITS.containers} separate quotes and lists`, 'join quotes or lists that follow each other, or split the explainer into several');
    if (quotes + lists > LIMITS.depth) flag('nesting', number, `Quotes and lists are nested ${quotes + lists} levels deep on this line (at most ${LIMITS.depth})`, 'start the line with a single "> " or "- ": nesting this deep cannot be read');
    if (indent > LIMITS.indent) flag('indent', number, `Line is indented by ${indent} spaces (at most ${LIMITS.indent})`, 'lists nested this deep cannot be read: keep at most a few levels, each indented by 2 spaces');
    // Emphasis markers are counted per paragraph: remark takes seconds to pair a few thousand.
    if (line.trim() === '') [emphasis, opened] = [0, 0];
    for (EMPHASIS.lastIndex = 0; EMPHASIS.exec(line); ) emphasis++;
    for (let at = line.indexOf('['); at !== -1; at = line.indexOf('[', at + 1)) opened++;
    if (opened > LIMITS.brackets) flag('opened', number, `This paragraph has more than ${LIMITS.brackets} [ brackets (links and citations)`, 'split the paragraph, or cite several sources at once: [@a; @b]');
    if (emphasis > LIMITS.emphasis) flag('emphasis', number, `This paragraph has more than ${LIMITS.emphasis} runs of * or _ (bold and italic markers)`, 'remove the extra * and _ characters; to show one as itself, type \\* or \\_');
    let brackets = 0;
    let deepest = 0;
    // By char code, and only on lines with an opening bracket: this loop was a tenth of a check's own time.
    if (line.includes('[') || line.includes('(')) {
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 0x5b || c === 0x28) deepest = Math.max(deepest, ++brackets);
        else if ((c === 0x5d || c === 0x29) && brackets > 0) brackets--;
      }
    }
    if (deepest > LIMITS.depth) flag('brackets', number, `Brackets are nested ${deepest} levels deep (at most ${LIMITS.depth})`, 'remove the extra [ or ( characters');
    const columns = DELIMITER_ROW.test(line) ? (line.match(/-+/g)?.length ?? 0) : 0;
    if (columns > LIMITS.columns) flag('columns', number, `Table has ${columns} columns (at most ${LIMITS.columns})`, 'split the table into narrower ones: readers cannot read this many columns anyway');
    // Tags shown as code (`<div>`) open nothing.
    const prose = line.includes('`') ? line.replace(/`+[^`]*`+/g, '') : line;
    TAG.lastIndex = 0;
    for (let match = TAG.exec(prose); match; match = TAG.exec(prose)) {
      if (match[1]) tags = Math.max(0, tags - 1);
      else if (!match[3]) tags++;
      if (tags > LIMITS.depth) flag('tags', number, `Elements are nested ${tags} levels deep (at most ${LIMITS.depth})`, 'explainers need no nested <tags>: write Markdown instead');
    }
  }
  return problems;
}

/** Report every broken limit on `file`; false when the text must not be parsed. */
export function checkLimits(text: string, file: VFile): boolean {
  const problems = findLimitProblems(text);
  for (const p of problems) report(file, 'error', NOTICES.limits.id, { line: p.line, column: 1 }, p.message, p.hint);
  return problems.length === 0;
}
