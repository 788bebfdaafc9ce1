/**
 * The published-page gate's judge: reads one built explainer page as HTML,
 * the way readers get it, with no Markdown parser involved, and lists every
 * way it breaks the site's promise:
 *
 * - a block with text of its own (paragraph, list item, table body row,
 *   quote, caption, definition, or text loose in the article) outside a
 *   genuine Analysis box that has no citation marker of its own;
 * - a marker that links to no entry of the page's own Sources list, or shows
 *   another number than that entry;
 * - an element or attribute an explainer's text may not have (./allowed.ts),
 *   which is how anything could be hidden, styled away or made to run;
 * - citation syntax that was never turned into a marker (`[@` outside code);
 * - an element id used twice (a heading could otherwise pose as a source).
 *
 * One streaming pass (htmlparser2), linear in the page's size.
 */
import { Parser } from 'htmlparser2';
import { hasClaimText } from '../citations/claim-text.ts';
import { newBlock, snippet } from './blocks.ts';
import { duplicateIdProblems, markerProblems, type Marker, type PageProblem } from './finish.ts';
import { handmadeMarker, locatorProblem } from './lookalikes.ts';
import { judge, openProse, type Frame } from './prose-element.ts';
import { PAGE_CHECKS } from './rules.ts';

export type { PageProblem } from './finish.ts';

/** Options of {@link verifyPage}. */
export interface VerifyOptions {
  /** The build's Analysis mark: only `<aside class="analysis" data-analysis="…">` with it is Analysis. */
  analysisMark: string;
}

const VOID = new Set(['img', 'br', 'hr', 'input']);
const RAW_CITATION = /\[\s*@[^\]\n]*\]?/g;
/** Deeper than this, a page is refused rather than walked (Markdown here nests a few levels). */
const MAX_DEPTH = 200;


/** Verify one explainer page; an empty list means it keeps every promise. */
export function verifyPage(html: string, { analysisMark }: VerifyOptions): PageProblem[] {
  const problems: PageProblem[] = [];
  const ids = new Map<string, string[]>();
  const entries = new Map<string, string>();
  const markers: Marker[] = [];
  const stack: Frame[] = [];
  let region: 'page' | 'article' | 'prose' | 'sources' = 'page';
  let regionDepth = 0;
  let seenProse = false;
  let entry: { id: string; number: string; inNumber: boolean } | undefined;
  let marker: Marker | undefined;
  let tooDeep = false;


  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs.id !== undefined) ids.set(attribs.id, [...(ids.get(attribs.id) ?? []), name]);
        if (tooDeep) return;
        if (stack.length >= MAX_DEPTH) {
          tooDeep = true;
          // htmlparser2 searches its own stack on every closing tag: stop before that turns quadratic.
          parser.pause();
          problems.push({ ruleId: PAGE_CHECKS.structure.id, message: `The published page nests elements more than ${MAX_DEPTH} deep`, hint: 'simplify the explainer: quotes, lists and tags nested this deep cannot be read' });
          return;
        }
        const parent = stack.at(-1);
        let frame: Frame;
        if (region === 'prose') {
          const opened = openProse(name, attribs, parent!, { analysisMark, problems });
          frame = opened.frame;
          marker = opened.marker ?? marker;
        }
        else {
          frame = { name, owner: undefined, figure: undefined, literal: false, analysis: false, marker: false, exempt: false, struck: false, subs: 0, locator: false };
          const klass = attribs.class ?? '';
          if (region === 'page' && name === 'article' && klass === 'article') [region, regionDepth] = ['article', stack.length];
          else if (region === 'article' && stack.length === regionDepth + 1 && name === 'div' && klass === 'prose') {
            if (seenProse) problems.push({ ruleId: PAGE_CHECKS.structure.id, message: 'The published page has two text areas', hint: 'report this to the developers: the page layout changed' });
            [region, seenProse] = ['prose', true];
            frame.block = newBlock('text');
            frame.owner = frame.block;
          } else if (region === 'article' && stack.length === regionDepth + 1 && name === 'section' && klass === 'sources') region = 'sources';
          else if (region === 'sources' && name === 'li' && parent?.name === 'ol' && attribs.id?.startsWith('source-')) entry = { id: attribs.id.slice('source-'.length), number: '', inNumber: false };
          else if (region === 'sources' && entry && name === 'span' && klass === 'source__number') entry.inNumber = true;
        }
        if (!VOID.has(name)) stack.push(frame);
      },
      ontext(text) {
        if (tooDeep) return;
        if (entry?.inNumber) entry.number += text;
        if (region !== 'prose') return;
        const frame = stack.at(-1)!;
        if (marker) {
          marker.number += text;
          return;
        }
        if (frame.literal) {
          if (frame.owner && !frame.owner.textual && hasClaimText(text)) frame.owner.textual = frame.owner.content = true;
          if (frame.owner && frame.owner.text.length < 400) frame.owner.text += text;
          return;
        }
        if (text.includes('{/*') || text.includes('*/}')) {
          problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: `A note to editors was published as text: "${snippet(text)}"`, hint: 'write notes to editors as {/* note */} on a line of their own, away from `code`', text });
        }
        if (text.includes('[@')) {
          problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: `Citation syntax was published as plain text: "${snippet(text)}"`, hint: 'write citations as [@id] in the text itself, not inside a link, an image description or an element', text });
        }
        if (frame.locator) {
          const problem = locatorProblem(text);
          if (problem) problems.push({ ...problem, text: frame.owner?.text });
        }
        if (frame.marker || !frame.owner) return;
        const handmade = handmadeMarker(frame.owner, text);
        if (handmade) problems.push(handmade);
        if (frame.owner.text.length < 400) frame.owner.text += text;
        // Citation syntax left as text is reported above; it is not what the block says.
        // Words after a <br> end its chance of making an empty line.
        if ((!frame.owner.textual || frame.owner.brOpen) && hasClaimText(text.replace(RAW_CITATION, ''))) {
          frame.owner.textual = frame.owner.content = true;
          frame.owner.brOpen = false;
        }
      },
      onclosetag(name) {
        if (tooDeep || VOID.has(name)) return;
        const frame = stack.pop();
        if (!frame) return;
        if (frame.block) judge(frame.block, problems);
        if (name === 'a' && marker) {
          markers.push(marker);
          marker = undefined;
        }
        if (entry && name === 'span') entry.inNumber = false;
        if (entry && name === 'li' && region === 'sources') {
          entries.set(entry.id, entry.number.trim());
          entry = undefined;
        }
        if ((region === 'prose' || region === 'sources') && stack.length === regionDepth + 1) region = 'article';
        else if (region === 'article' && stack.length === regionDepth) region = 'page';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (tooDeep) return problems;
  parser.end();

  if (!seenProse) problems.push({ ruleId: PAGE_CHECKS.structure.id, message: 'The published page has no explainer text', hint: 'report this to the developers: the page layout changed' });
  problems.push(...markerProblems(markers, entries), ...duplicateIdProblems(ids));
  return problems;
}
