/** A small English sentence splitter, good enough to place citation warnings. */

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Prof|vs|etc|e\.g|i\.e|p|pp|ch|No|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|cf)\.)$/;

/** True when `text` ends with an abbreviation's full stop ("U.S.", "Dr.", "p."), which ends no sentence. */
export function endsWithAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text.slice(-12));
}

/** A sentence as offsets into the text. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * Split `text` into sentences at `.`, `!` or `?` followed by space and a
 * capital letter, digit or opening quote, skipping abbreviations like "U.S.".
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /([.!?]["”’)]?)\s+(?=[\p{Lu}\d“"‘(])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[1]!.length;
    if (endsWithAbbreviation(text.slice(Math.max(start, end - 12), end))) continue;
    sentences.push({ start, end });
    start = match.index + match[0].length;
  }
  if (start < text.length && text.slice(start).trim()) sentences.push({ start, end: text.length });
  return sentences;
}
