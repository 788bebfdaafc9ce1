/**
 * The published-page gate's view of text and markup that reads like a
 * citation but is not one, or hides one (the checker's twin is
 * src/checks/rules/dialect-layout.ts; both use src/citations/lookalikes.ts):
 *
 * - a `<sub>` inside a `<sub>` (each shrinks the text; thirty make a marker
 *   a twentieth of a pixel high), and a marker set in `<sub>`;
 * - a link other than a marker to a source's entry, a citation or a back-link;
 * - `[2]` typed as text: a number in brackets that links nowhere;
 * - a locator that is only a number (`[1, 2]` reads as sources 1 and 2).
 */
import { HANDMADE_MARKER, isNumberOnlyLocator } from '../citations/lookalikes.ts';
import { isCitationAnchorLink } from '../schema/dialect.ts';
import type { Block } from './blocks.ts';
import { snippet } from './blocks.ts';
import type { PageProblem } from './finish.ts';
import { PAGE_CHECKS } from './rules.ts';

/** Characters of a block's text kept between text nodes: a marker is at most a few. */
const TAIL = 24;

/** The problem with an element opened in the text under `parent`, if it hides or fakes a citation. */
export function lookalikeElement(name: string, klass: string, attribs: Record<string, string>, parent: { subs: number; marker: boolean; owner?: Block }): PageProblem | undefined {
  // The block's words so far place the message in the explainer.
  const text = parent.owner?.text;
  // Reported once, at the first <sub> inside another: thirty nested ones are one mistake.
  if (name === 'sub' && parent.subs === 1) {
    return { ruleId: PAGE_CHECKS.notAllowed.id, message: 'The published text has a <sub> inside a <sub>', hint: 'use a single <sub> … </sub>: each one inside another shrinks the text until readers cannot see it', text };
  }
  if (name === 'sup' && klass === 'cite' && parent.subs > 0) {
    return { ruleId: PAGE_CHECKS.brokenCitation.id, message: 'A citation on the published page is set in <sub>, small and below the line', hint: 'put the citation after </sub>', text };
  }
  if (name === 'a' && !parent.marker && isCitationAnchorLink(attribs.href ?? '')) {
    return { ruleId: PAGE_CHECKS.brokenCitation.id, message: `A link in the text goes to ${snippet(attribs.href ?? '')} and looks like a citation, but cites nothing`, hint: 'cite the source with [@id]: the site makes the numbered link', text };
  }
  return undefined;
}

/** A hand-made `[2]` in a block's text (the text read so far is kept short in `block.tail`). */
export function handmadeMarker(block: Block, text: string): PageProblem | undefined {
  const seen = block.tail + text;
  const match = HANDMADE_MARKER.exec(seen);
  block.tail = match ? '' : seen.slice(-TAIL);
  if (!match) return undefined;
  return { ruleId: PAGE_CHECKS.brokenCitation.id, message: `The published text shows "${match[0]}", which looks like a citation but links to no source`, hint: 'cite the source with [@id]: the site numbers it and links it to the Sources list', text: block.text || text };
}

/** A marker's locator that is only a number. */
export function locatorProblem(text: string): Omit<PageProblem, 'text'> | undefined {
  if (!isNumberOnlyLocator(text.trim())) return undefined;
  return { ruleId: PAGE_CHECKS.brokenCitation.id, message: `A citation shows the place "${text.trim()}", which reads as another source's number`, hint: 'say what the number counts: [@id, p. 2] or [@id, para. 2]' };
}
