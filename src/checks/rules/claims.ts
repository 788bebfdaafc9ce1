/** Rules about claims: every claim block cites, and specific facts cite in their own sentence. */
import { parseCitations } from '../../citations/parse.ts';
import { runOffset } from '../analyze.ts';
import { splitSentences } from '../sentences.ts';
import { defineRule } from './types.ts';

const KIND_LABEL = {
  paragraph: 'Paragraph',
  'list item': 'List item',
  'table row': 'Table row',
  blockquote: 'Blockquote',
  'figure caption': 'Figure caption',
  image: 'Image',
} as const;

/** `uncited-claim`: a block with text of its own and no citation of its own. */
export const uncitedClaim = defineRule({
  id: 'uncited-claim',
  severity: 'error',
  docs:
    'a block with text of its own and no citation of its own: a paragraph (also one in a list item, quote or caption), a table body row, a figure caption, an image without a citing caption. Each is judged alone: a cited quote or list item covers nothing inside it. Headings, table header rows, code and `<Analysis>` are exempt',
  hint: "add a citation such as [@id], or wrap the site's own interpretation in <Analysis>",
  check: ({ article, body, frontmatter, config, report }) => {
    const example = frontmatter.sources.find((s) => s.id)?.id ?? 'source-id';
    // A citation typed wrong is reported as that, with its fix; saying "cites no source" too would send the
    // writer looking for a missing citation. Only while that report is an error, so the block can never pass.
    const tried = config.rules['malformed-citation'] === 'error';
    for (const claim of body.claims) {
      if (claim.cited || (tried && claim.attempted)) continue;
      if (claim.kind === 'image') {
        report(claim.place, 'Image has no caption that cites its source', `write a caption with its citation on the line right under the image, e.g. "Map of the front line, 1 December [@${example}]."`);
        continue;
      }
      // `##What changed` is a paragraph, not a heading: the writer meant a heading, which needs no citation.
      const hashes = claim.kind === 'paragraph' ? /^(#{1,6})(?=[^\s#])(.{1,60})/.exec(claim.text) : null;
      if (hashes) {
        report(claim.place, `\`${hashes[0]}\` is not a heading: a heading needs a space after the ${hashes[1]}`, `write ${hashes[1]} ${hashes[2]}`);
        continue;
      }
      // A citation left alone on the next line is a paragraph of its own, citing nothing: say where it went.
      const alone = citationAlone(article.source.text, claim.ranges.at(-1)![1]);
      if (alone) {
        report(claim.place, `${KIND_LABEL[claim.kind]} cites no source: the citation ${alone.citation} under it is a paragraph of its own`, `move ${alone.citation} to the end of this ${claim.kind}, before the full stop, with no blank line between`);
        continue;
      }
      report(claim.place, `${KIND_LABEL[claim.kind]} cites no source`, `add a citation such as [@${example}], or wrap the site's own interpretation in <Analysis>`);
    }
  },
});

/** The next paragraph after offset `end` when it is only citations (`[@a]` or `[@a; @b].`); read for uncited blocks only. */
function citationAlone(text: string, end: number): { citation: string } | undefined {
  const next = /^[ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t>]*((?:\[\s*@[^\]\n]*\]\s*)+)[.;,]?[ \t]*(?:\r?\n|$)/.exec(text.slice(end, end + 400));
  return next ? { citation: next[1]!.trim() } : undefined;
}

/** A number (800,000 · 12% · 1994), or a direct quotation of two words or more. */
const SPECIFIC: Array<{ what: string; test: (text: string) => boolean }> = [
  { what: 'a number', test: (text) => /(?<![\p{L}\d@#/-])\d[\d,.]*(?:\s?(?:%|per ?cent))?(?![\p{L}\d-])/u.test(text) },
  // Quoted spans are found first and then tested for a space: one regex doing both backtracks
  // quadratically on a long text with an opening quote and no closing one.
  { what: 'a quotation', test: (text) => [...text.matchAll(/[“"]([^“”"]*)[”"]/g)].some((m) => /\s/.test(m[1]!)) },
];

/** Text of a sentence without citations, link targets and addresses (linear regexes only). */
const bare = (text: string) => text.replace(/\[\s*@[^\]]*\]/g, '').replace(/\]\([^)\]]*\)/g, ']').replace(/https?:\/\/\S+/g, '');

/** `uncited-specific`: a sentence with a number, date or quotation but no citation of its own. */
export const uncitedSpecific = defineRule({
  id: 'uncited-specific',
  severity: 'warning',
  docs: 'a sentence with a number or quotation and no citation in that sentence',
  hint: 'put the citation right after the fact, before the full stop',
  check: ({ body, report }) => {
    const { place } = body;
    for (const claim of body.claims) {
      // Uncited blocks are already errors; rows and quotes are checked as a whole.
      if (!claim.cited || !claim.run) continue;
      const { text } = claim.run;
      const groups = parseCitations(text).groups;
      // Sentences and groups both come in text order: one pointer walks the groups (linear, not per sentence).
      let g = 0;
      for (const sentence of splitSentences(text)) {
        const found = SPECIFIC.find(({ test }) => test(bare(text.slice(sentence.start, sentence.end))));
        while (g < groups.length && groups[g]!.end <= sentence.start) g++;
        if (!found) continue;
        const cited = g < groups.length && groups[g]!.start < sentence.end + 2;
        if (cited) continue;
        report(
          place(runOffset(claim.run, sentence.start)),
          `Sentence states ${found.what} but cites no source in the same sentence`,
          'put the citation right after the fact, before the full stop: "… 800,000 troops [@id]."',
        );
      }
    }
  },
});
