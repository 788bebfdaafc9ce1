/** Rules about claims: every claim block cites, and specific facts cite in their own sentence. */
import { parseCitations } from '../../citations/parse.ts';
import { runOffset } from '../analyze.ts';
import { splitSentences } from '../sentences.ts';
import type { Rule } from './types.ts';

const KIND_LABEL = {
  paragraph: 'Paragraph',
  'list item': 'List item',
  'table row': 'Table row',
  blockquote: 'Blockquote',
  'figure caption': 'Figure caption',
} as const;

/** `uncited-claim`: a paragraph, list item, table row, blockquote or caption with no citation. */
export const uncitedClaim: Rule = ({ body, frontmatter, report }) => {
  const example = frontmatter.sources.find((s) => s.id)?.id ?? 'source-id';
  for (const claim of body.claims) {
    if (claim.cited) continue;
    report(claim.place, `${KIND_LABEL[claim.kind]} cites no source`, `add a citation such as [@${example}], or wrap the site's own interpretation in <Analysis>`);
  }
};

/** A number (800,000 · 12% · 1994), or a direct quotation of two words or more. */
const SPECIFIC = [
  { what: 'a number', pattern: /(?<![\p{L}\d@#/-])\d[\d,.]*(?:\s?(?:%|per ?cent))?(?![\p{L}\d-])/u },
  { what: 'a quotation', pattern: /[“"][^“”"]*\s[^“”"]*[”"]/ },
];

/** `uncited-specific`: a sentence with a number, date or quotation but no citation of its own. */
export const uncitedSpecific: Rule = ({ body, report }) => {
  const { place } = body;
  for (const claim of body.claims) {
    // Uncited blocks are already errors; rows and quotes are checked as a whole.
    if (!claim.cited || !claim.run) continue;
    const { text } = claim.run;
    const groups = parseCitations(text).groups;
    for (const sentence of splitSentences(text)) {
      const bare = text.slice(sentence.start, sentence.end).replace(/\[\s*@[^\]]*\]/g, '').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, '');
      const found = SPECIFIC.find(({ pattern }) => pattern.test(bare));
      if (!found) continue;
      const cited = groups.some((g) => g.start < sentence.end + 2 && g.end > sentence.start);
      if (cited) continue;
      report(
        place(runOffset(claim.run, sentence.start)),
        `Sentence states ${found.what} but cites no source in the same sentence`,
        'put the citation right after the fact, before the full stop: "… 800,000 troops [@id]."',
      );
    }
  }
};
