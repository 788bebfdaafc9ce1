/**
 * The published-page gate's checks over a whole page, once it has been read
 * (./verify.ts gathers what they need in its one pass): every marker against
 * the page's own Sources list, and every element id used once.
 */
import { HEADINGS, type Block } from './blocks.ts';
import { PAGE_CHECKS, type PageRuleId } from './rules.ts';

/** One problem found on a page (./verify.ts re-exports it). */
export interface PageProblem {
  ruleId: PageRuleId;
  message: string;
  hint: string;
  /** Text of the block concerned (its first words), to find it in the source. */
  text?: string;
}

/** A citation marker as read: the source it links to, the number it shows, its block. */
export interface Marker {
  id: string;
  number: string;
  owner?: Block;
}

/** Markers that point to no entry of the Sources list, or show another number than their entry. */
export function markerProblems(markers: readonly Marker[], entries: ReadonlyMap<string, string>): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const m of markers) {
    const number = entries.get(m.id);
    if (number === undefined) problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: `Citation marker [${m.number}] points to no entry of the Sources list`, hint: 'cite a source listed in the frontmatter', text: m.owner?.text });
    else if (number !== m.number.trim()) problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: `Citation marker [${m.number}] points to source number ${number}`, hint: 'report this to the developers: markers and the Sources list disagree' });
  }
  return problems;
}

/** Ids used by more than one element (a heading could otherwise pose as a source). */
export function duplicateIdProblems(ids: ReadonlyMap<string, readonly string[]>): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const [id, elements] of ids) {
    if (elements.length < 2) continue;
    const heading = elements.find((e) => HEADINGS.has(e));
    problems.push({
      ruleId: PAGE_CHECKS.duplicateId.id,
      message: `The page uses the address #${id} for ${elements.length} elements`,
      hint: heading ? `a heading's words make its address: reword the heading so it is not "${id.replace(/-/g, ' ')}"` : 'give each element its own id',
    });
  }
  return problems;
}
