/**
 * Pandoc-style citation syntax: `[@id]`, `[@a; @b]`, `[@id, p. 4]`.
 *
 * A pure scanner over one string of text. It returns the well-formed
 * citation groups and, separately, every near-miss (`[@]`, `[@ id]`, an
 * unterminated `[@id`, a stray `@id]`, an empty locator, an illegal id), so
 * the renderer and the checker share one reading of the syntax.
 */
import { isNumberOnlyLocator } from './lookalikes.ts';

/** One cited source inside a group, e.g. `@e3-draft, p. 4`. */
export interface CitationItem {
  id: string;
  /** Text after the comma, e.g. `p. 4`; undefined when there is none. */
  locator?: string;
  /** Offset of the `@` in the scanned string. */
  start: number;
}

/** A bracketed group such as `[@a; @b, p. 2]`. */
export interface CitationGroup {
  items: CitationItem[];
  /** Offset of `[` in the scanned string. */
  start: number;
  /** Offset just after `]`. */
  end: number;
}

/** A near-miss of the syntax that would otherwise render as plain text. */
export interface CitationProblem {
  message: string;
  hint: string;
  start: number;
  end: number;
  /** The ids the writer meant, when they are clear: their sources are not also reported as never cited. */
  intended?: string[];
}

/** Result of scanning one string. */
export interface ParsedCitations {
  groups: CitationGroup[];
  problems: CitationProblem[];
}

import { fixId, idSlip } from './id-slips.ts';

/** A cited id; it is checked against the source-id pattern separately. */
const ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
const VALID_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A full-width ＠ (typed by an Asian-language keyboard) opens a group too, so it is reported, not ignored.
const OPEN = /\[\s*[@\uff20]/g;
/** Longest locator: `pp. 1204–1207`, `section 4.2, para. 12` fit easily. */
const MAX_LOCATOR = 40;
const STRAY_CLOSE = /(^|[^\w.@[-])@([a-z0-9][a-z0-9-]*)\]/gi;

/**
 * Scan `text` for citation groups and malformed citations.
 * Offsets are positions in `text`.
 */
export function parseCitations(text: string): ParsedCitations {
  const groups: CitationGroup[] = [];
  const problems: CitationProblem[] = [];
  const covered: Array<[number, number]> = [];
  if (!text.includes('@') && !text.includes('\uff20')) return { groups, problems };

  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    const start = match.index;
    const close = findClose(text, start + 1);
    if (close === -1) {
      const end = endOfWord(text, start);
      problems.push({ message: `Citation \`${text.slice(start, end)}\` is never closed`, ...unclosedHint(text, start), start, end });
      covered.push([start, end]);
      OPEN.lastIndex = end;
      continue;
    }
    const end = close + 1;
    covered.push([start, end]);
    OPEN.lastIndex = end;
    const group = parseGroup(text, start, close, problems);
    if (group) groups.push(group);
    // `[[@a]]`: the marker renders, and so do the brackets around it. A lone `]` after a group is left
    // alone: it may close an aside (`[see *the draft* [@a]]`) whose `[` is in another text node.
    if (group && text[start - 1] === '[' && text[end] === ']') {
      const shown = `[${text.slice(start, end)}]`;
      problems.push({ message: `Citation \`${shown}\` has an extra bracket, which readers would see`, hint: `write it with one pair of brackets: ${text.slice(start, end)}`, start, end });
    }
  }

  STRAY_CLOSE.lastIndex = 0;
  for (let match = STRAY_CLOSE.exec(text); match; match = STRAY_CLOSE.exec(text)) {
    const at = match.index + (match[1] ?? '').length;
    if (covered.some(([s, e]) => at >= s && at < e)) continue;
    problems.push({
      message: `Citation \`@${match[2]}]\` has no opening bracket`,
      hint: `write it as [@${match[2]}]`,
      intended: [match[2]!.toLowerCase()],
      start: at,
      end: match.index + match[0].length,
    });
  }
  problems.sort((a, b) => a.start - b.start);
  return { groups, problems };
}

/** Index of the `]` closing the group opened at `from`, or -1 (a new `[` or a blank line ends the search). */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === ']') return i;
    if (char === '[' || (char === '\n' && text[i + 1] === '\n')) return -1;
  }
  return -1;
}

/** How to close `[@id…` opened at `start`: with the id (and its page) the writer typed. */
function unclosedHint(text: string, start: number): { hint: string; intended?: string[] } {
  const typed = /^\[\s*@([a-z0-9][a-z0-9-]*)(,\s?[^\n;)\]]{1,20}?)?(\))?(?=[.;]?(?:\s|$)|\)|$)/i.exec(text.slice(start));
  if (!typed) return { hint: 'add the closing bracket: [@id]' };
  const written = `[@${typed[1]}${typed[2] ?? ''}]`;
  const hint = typed[3] ? `end it with ] instead of ): ${written}` : `add the closing bracket ] where the citation ends: ${written}`;
  return { hint, intended: [typed[1]!.toLowerCase()] };
}

function endOfWord(text: string, start: number): number {
  const rest = text.slice(start).search(/[\s,;]|$/);
  const after = rest === 0 ? 1 : rest;
  let end = start + after;
  // Include the id after `[@` even when a space follows the bracket.
  if (end <= start + 2) end = Math.min(text.length, start + 2);
  return end;
}

function parseGroup(
  text: string,
  start: number,
  close: number,
  problems: CitationProblem[],
): CitationGroup | undefined {
  const items: CitationItem[] = [];
  const raw = text.slice(start, close + 1);
  const fail = (message: string, hint: string, intended?: string[]) => {
    problems.push({ message, hint, start, end: close + 1, ...(intended?.length ? { intended } : {}) });
    return undefined;
  };
  let offset = start + 1;
  for (const part of text.slice(start + 1, close).split(';')) {
    const partStart = offset;
    offset += part.length + 1;
    const lead = part.length - part.trimStart().length;
    const item = part.trim();
    if (item === '') return fail(`Citation \`${raw}\` has an empty entry`, 'remove the extra `;` or add a source id');
    if (item.startsWith('\uff20')) return fail(`Citation \`${raw}\` starts with a full-width ＠`, `type an ordinary @: [@${fixId(item.slice(1))}]`, [fixId(item.slice(1))]);
    if (!item.startsWith('@')) {
      const ids = text.slice(start + 1, close).split(';').map((entry) => fixId(entry.trim().replace(/^@/, '').split(',')[0]!)).filter(Boolean);
      return fail(`Citation \`${raw}\` has an entry without \`@\``, `start every entry with @: [${ids.map((i) => `@${i}`).join('; ')}]`, ids);
    }
    const comma = item.indexOf(',');
    const id = (comma === -1 ? item.slice(1) : item.slice(1, comma)).trimEnd();
    if (id === '') return fail(`Citation \`${raw}\` has no source id after \`@\``, 'write the id right after @, e.g. [@e3-draft]');
    if (/^\s/.test(item.slice(1))) {
      return fail(`Citation \`${raw}\` has a space after \`@\``, `remove the space: [@${id.trim()}]`, [fixId(id)]);
    }
    if (!ID_CHARS.test(id) || !VALID_ID.test(id)) {
      const slip = idSlip(raw, id, comma !== -1);
      return fail(slip.message, slip.hint, slip.intended);
    }
    let locator: string | undefined;
    if (comma !== -1) {
      locator = item.slice(comma + 1).trim();
      if (locator.startsWith('@')) {
        const ids = [id, ...locator.split(',').map((l) => fixId(l.trim().slice(1)))];
        return fail(`Citation \`${raw}\` separates sources with a comma`, `separate them with semicolons: [${ids.map((i) => `@${i}`).join('; ')}] (a comma is for a page: [@${id}, p. 4])`, ids);
      }
      if (locator === '') return fail(`Citation \`${raw}\` has an empty locator after the comma`, `remove the comma or add a page, e.g. [@${id}, p. 4]`, [id]);
      // `[@a, 2]` prints `[1, 2]`, which readers take for sources 1 and 2.
      if (isNumberOnlyLocator(locator)) return fail(`Citation \`${raw}\` has a locator that is only a number, which readers would take for another source's number`, `say what the number counts, e.g. [@${id}, p. ${locator}] for a page or [@${id}, para. ${locator}] for a paragraph`, [id]);
      // A locator names a place in the source; a sentence there would be text no claim check reads.
      if (locator.length > MAX_LOCATOR) return fail(`Citation \`${raw.slice(0, 40)}…\` has a locator of ${locator.length} characters`, `a locator names a place in the source in at most ${MAX_LOCATOR} characters, e.g. [@id, p. 4] or [@id, para. 12]; write everything else in the text`);
    }
    items.push({ id, locator, start: partStart + lead });
  }
  return { items, start, end: close + 1 };
}

