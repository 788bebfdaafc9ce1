/**
 * The blocks of an explainer's text as the published-page gate judges them:
 * the innermost element that holds text of its own (./verify.ts finds them),
 * and the judgement of one block: text or an image, and no citation marker.
 */
import { PAGE_CHECKS, type PageRuleId } from './rules.ts';

/** What kind of block a problem is about, in readers' words. */
export type BlockKind = 'paragraph' | 'list item' | 'table row' | 'blockquote' | 'figure caption' | 'figure' | 'definition' | 'text';

/** Elements that are blocks, by the kind readers know them as. */
export const BLOCKS: Readonly<Record<string, BlockKind>> = {
  p: 'paragraph',
  li: 'list item',
  tr: 'table row',
  blockquote: 'blockquote',
  figcaption: 'figure caption',
  figure: 'figure',
  dd: 'definition',
  dt: 'definition',
};
/** Headings: labels, exempt from citations. */
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that start a block of their own, ending the run of text before them in their parent. */
export const SEGMENTING = new Set(['p', 'ul', 'ol', 'dl', 'blockquote', 'table', 'pre', 'hr', 'figure', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A block being read: what it says so far, and how many markers it holds. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Has words or meaningful symbols (an image alone has not). */
  textual: boolean;
  content: boolean;
  markers: number;
  image: boolean;
  judged: boolean;
  /** The figure a caption belongs to: an uncited caption is reported once, for the figure too. */
  figure?: Block;
  /** A figure whose caption was reported uncited: its images need no second report. */
  captionReported?: boolean;
  /** A figure's caption markers: they cite for its images, never for words written loose in it. */
  lent: number;
  /** The last characters of text read, so a hand-made `[2]` split by markup is still seen. */
  tail: string;
  /** A <br> was read and nothing to read after it yet: a second one makes an empty line. */
  brOpen: boolean;
}

/** A fresh block of `kind`, nothing read yet. */
export function newBlock(kind: BlockKind): Block {
  return { kind, text: '', textual: false, content: false, markers: 0, image: false, judged: false, lent: 0, tail: '', brOpen: false };
}

const SNIPPET = 100;

/** The first words of a text, for a message. */
export const snippet = (text: string) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > SNIPPET ? `${clean.slice(0, SNIPPET - 1)}…` : clean;
};

const LABEL: Record<BlockKind, string> = {
  paragraph: 'Paragraph',
  'list item': 'List item',
  'table row': 'Table row',
  blockquote: 'Quote',
  'figure caption': 'Figure caption',
  figure: 'Figure',
  definition: 'Definition',
  text: 'Text',
};

/** The problem with a block, if it says something and cites nothing; each block is judged once. */
export function judgeBlock(block: Block): { ruleId: PageRuleId; message: string; hint: string; text: string } | undefined {
  const cited = block.markers > 0 || (!block.textual && block.lent > 0);
  if (block.judged || !block.content || cited || block.captionReported) return undefined;
  block.judged = true;
  if (block.figure) block.figure.captionReported = true;
  const label = block.image && !block.textual ? 'Image' : LABEL[block.kind];
  return {
    ruleId: PAGE_CHECKS.uncited.id,
    message: `${label} on the published page has no citation: "${snippet(block.text) || '(an image)'}"`,
    hint: "add a citation such as [@id] to it in the explainer, or move the site's own interpretation into <Analysis>",
    text: block.text,
  };
}
