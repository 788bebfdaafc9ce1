/**
 * `npm run new -- "Title"`: turning a title into a safe file name and a
 * starter explainer that already passes `npm run check`.
 */
import { stringify } from 'yaml';
import { EXAMPLE_SOURCE, EXAMPLE_TEXT } from '../../schema/placeholders.ts';

/** Longest slug `slugify` produces (file names and URLs stay readable). */
export const MAX_SLUG_LENGTH = 80;

/** Letters that Unicode normalisation does not reduce to ASCII. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/**
 * A URL-safe slug from a title: ASCII letters and digits joined by single
 * hyphens, accents dropped, apostrophes removed ("Europe's" → "europes"),
 * at most {@link MAX_SLUG_LENGTH} characters cut at a word boundary.
 * Returns '' when nothing usable is left (e.g. a title in a non-Latin script).
 */
export function slugify(title: string): string {
  const ascii = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðłþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/['’‘`´]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** A file name longer than this is hard to read and to type: {@link suggestSlug} offers a shorter one. */
export const LONG_SLUG = 60;

/** Small words a short file name can do without. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'as', 'from', 'is', 'are', 'was', 'were', 'be', 'its', 'it', 'this', 'that', 'what', 'how', 'why', 'will', 'would', 'has', 'have', 'had']);

/**
 * The file name for a title: the whole slug when it is short enough, else its
 * first six significant words (small words dropped, numbers kept), e.g.
 * "What Europe's counter-proposal to the 28-point plan changes for Ukraine's army and its allies"
 * → `europes-counter-proposal-28-point-plan`. `shortened` says which.
 */
export function suggestSlug(title: string): { slug: string; shortened: boolean } {
  const full = slugify(title);
  if (full.length <= LONG_SLUG) return { slug: full, shortened: false };
  const words = full.split('-').filter((w) => !SMALL_WORDS.has(w));
  let slug = '';
  for (const word of words.slice(0, 6)) {
    if (slug.length + word.length + 1 > LONG_SLUG) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug ? { slug, shortened: true } : { slug: full, shortened: false };
}

/** Collapse whitespace (including line breaks) in a title; undefined when empty or control characters remain. */
export function cleanTitle(title: string): string | undefined {
  const clean = title.replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (clean === '' || /[\u0000-\u001f\u007f]/.test(clean)) return undefined;
  return clean;
}

/** The placeholder URL of the example source; the `unfinished` rule refuses it. */
export const EXAMPLE_SOURCE_URL = EXAMPLE_SOURCE.url;

/** The id of the example source in a new explainer. */
export const EXAMPLE_SOURCE_ID = EXAMPLE_SOURCE.id;

/** Today's date as YYYY-MM-DD in the writer's time zone. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What goes into a new explainer. */
export interface TemplateOptions {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  authors: string[];
}

/**
 * The text of a new explainer: valid frontmatter (today's date, no topics yet,
 * one example source) and a short body that shows the citation syntax and an
 * `<Analysis>` block. It passes `npm run check` as it is, so the writer starts
 * from a clean report; the lines to replace say "Replace".
 */
export function explainerTemplate({ title, date, authors }: TemplateOptions): string {
  const q = (s: string) => JSON.stringify(s); // a JSON string is a valid double-quoted YAML scalar
  const plain = (s: string) => stringify(s).trimEnd(); // plain when YAML reads it back unchanged, else quoted
  return `---
title: ${q(title)}
summary: "Replace with one or two sentences that say what this explainer answers. Readers see them under the headline and in lists."
published: ${date}
authors:
${authors.map((a) => `  - ${plain(a)}`).join('\n')}
topics: []
sources:
  # One entry per page you cite. Add more with: npm run new -- --source <url>
  - id: ${EXAMPLE_SOURCE_ID}
    title: "Replace with the headline of the page you cite"
    url: ${EXAMPLE_SOURCE_URL}
    publisher: Replace with who published it
    type: news # primary, official, news, analysis or reference
---

${EXAMPLE_TEXT.lead} [@${EXAMPLE_SOURCE_ID}].

## ${EXAMPLE_TEXT.heading}

${EXAMPLE_TEXT.every} [@${EXAMPLE_SOURCE_ID}]. ${EXAMPLE_TEXT.several} [@${EXAMPLE_SOURCE_ID}, p. 4].

- ${EXAMPLE_TEXT.item} [@${EXAMPLE_SOURCE_ID}].
- ${EXAMPLE_TEXT.row} [@${EXAMPLE_SOURCE_ID}].

<Analysis>
${EXAMPLE_TEXT.analysis}
</Analysis>
`;
}

/** The steps printed after a new explainer is created. */
export function nextSteps(file: string, slug: string): string {
  return `Next steps:
  1. Open ${file} and replace every line that says "Replace": the summary and the example source.
  2. Add each page you cite:  npm run new -- --source https://… --to ${slug}
     (its title, publisher, author and date are filled in from the page: check them)
     then cite it in the text: [@id] for one source, [@a; @b] for several, [@id, p. 4] with a page.
  3. Delete the example paragraphs and the example source once nothing cites it.
  4. Check it:   npm run check -- ${file}
  5. Preview it: npm run dev, then open http://localhost:4321/explainers/${slug}/
  6. Commit on a branch and open a pull request: CI checks the citations and links and posts a summary.`;
}
