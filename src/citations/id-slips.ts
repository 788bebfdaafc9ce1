/**
 * What is wrong with a source id, in a writer's words, and the id they meant.
 * One reading for both places an id is typed (`id:` in the frontmatter and
 * `[@id]` in the text), so both messages name the same characters and offer
 * the same corrected id. Invisible characters (a zero-width space, a
 * non-breaking space pasted from a web page) are named, because an id that
 * looks right on screen is the hardest mistake to see.
 */

/** Characters a writer cannot see, or cannot tell from a hyphen or a space. */
const NAMED: ReadonlyArray<[RegExp, string]> = [
  [/[A-Z]/, 'capital letters'],
  [/[\u200b-\u200d\u2060\ufeff\u00ad]/, 'an invisible character (usually copied in with the text: retype the id)'],
  [/\u00a0/, 'a non-breaking space'],
  [/ /, 'a space'],
  [/[\u2010-\u2015\u2212]/, 'a long dash (– or —, often put in by a word processor) where a hyphen - belongs'],
  [/_/, 'an underscore _'],
  [/[\u00c0-\u024f]/, 'an accented letter'],
  [/[^\u0000-\u024f](?<=\p{L})/u, 'a letter of another alphabet that may look like a Latin one (retype the id on a Latin keyboard)'],
];

/** A letter of another alphabet (Cyrillic а, Greek ο): no Latin id can be guessed from it. */
export const FOREIGN_LETTER = /[^\u0000-\u024f](?<=\p{L})/u;

/** The id as it should be written: lowercase ASCII letters, digits and single hyphens. */
export function fixId(id: string): string {
  return id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What an id has that ids cannot have, e.g. "capital letters and an underscore _". */
export function describeIdSlip(id: string): string {
  const found = NAMED.filter(([pattern]) => pattern.test(id)).map(([, words]) => words);
  const rest = [...new Set(id.replace(/[a-zA-Z0-9\u00c0-\u024f\s_\u00a0\u200b-\u200d\u2060\ufeff\u00ad\u2010-\u2015\u2212-]|\p{L}/gu, ''))];
  if (rest.length) found.push(`the character${rest.length > 1 ? 's' : ''} ${rest.map((c) => `\`${c}\``).join(' ')}`);
  if (/^-|-$/.test(id)) found.push('a hyphen at the start or end');
  if (/--/.test(id)) found.push('two hyphens in a row');
  if (found.length === 0) return 'characters ids cannot have';
  return found.length === 1 ? found[0]! : `${found.slice(0, -1).join(', ')} and ${found.at(-1)}`;
}

const VALID_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What follows an id when a writer meant a page or section: `p. 4`, `pp. 3–5`, `para 12`, `§ 2`, `4`. */
const LOCATOR_START = /^(?:pp?|paras?|ch|chap|chapter|sec|section|art|article|page|pages|line|fig|figure|table|no|vol|§)\b\.?\s*\S|^\d/i;

/**
 * An id that is not one, read as the writer meant it: two sources with no `;`
 * (`[@a and @b]`, `[@a, @b]` is caught as a locator below), a page with no comma
 * or after a colon (`[@a p. 4]`, `[@a: p. 4]`), the full stop inside the
 * brackets (`[@a.]`), or characters ids cannot have, each named.
 */
export function idSlip(raw: string, id: string, hasLocator: boolean): { message: string; hint: string; intended?: string[] } {
  const others = [...id.matchAll(/@([^\s@;,]+)/g)].map((m) => fixId(m[1]!));
  const first = fixId(id.split(/[\s:]/)[0]!);
  if (others.length) {
    const ids = [first, ...others].filter(Boolean);
    return { message: `Citation \`${raw}\` names several sources without a \`;\` between them`, hint: `separate them with semicolons: [${ids.map((i) => `@${i}`).join('; ')}]`, intended: ids };
  }
  const split = /^([^\s:]+)\s*(:|\s)\s*(.+)$/.exec(id);
  if (split && VALID_ID.test(split[1]!) && !hasLocator && LOCATOR_START.test(split[3]!)) {
    const how = split[2] === ':' ? 'has a colon before the page' : 'has no comma between the id and the page';
    return { message: `Citation \`${raw}\` ${how}`, hint: `a page or section goes after a comma: [@${split[1]}, ${split[3]}]`, intended: [split[1]!] };
  }
  const stop = /^(.+?)([.,:!?]+)$/.exec(id);
  if (stop && VALID_ID.test(stop[1]!)) {
    return { message: `Citation \`${raw}\` has \`${stop[2]}\` inside the brackets`, hint: `put punctuation after the closing bracket: [@${stop[1]}]${stop[2]}`, intended: [stop[1]!] };
  }
  const fixed = FOREIGN_LETTER.test(id) ? '' : fixId(id);
  return {
    message: `Citation \`${raw}\` uses the id \`${id}\`, which has ${describeIdSlip(id)}`,
    hint: fixed ? `ids are lowercase letters, digits and hyphens: write [@${fixed}]` : 'ids are lowercase letters, digits and hyphens, e.g. [@e3-draft]',
    intended: fixed ? [fixed] : undefined,
  };
}
