/**
 * What the published-page gate checks, each declared once: the id its
 * messages carry and one line of docs (the README's table is tested against
 * this list). The judging itself is in ./verify.ts and ./run.ts.
 */

/** The gate's checks, by name. */
export const PAGE_CHECKS = {
  uncited: { id: 'page-uncited-claim', docs: 'a block with text of its own (or an image) outside a genuine Analysis box, with no citation marker of its own' },
  notAllowed: { id: 'page-not-allowed', docs: 'an element or attribute the explainer text may not have: the ways text or a citation could be hidden, styled away or run' },
  brokenCitation: { id: 'page-broken-citation', docs: 'a marker that points to no entry of the Sources list or shows another number, a crossed-out citation, citation syntax or an editor note published as text' },
  duplicateId: { id: 'page-duplicate-id', docs: 'an element id used twice, e.g. a heading posing as a source entry' },
  withoutFile: { id: 'page-without-file', docs: 'a published explainer page the checks never read a file for' },
  structure: { id: 'page-structure', docs: 'a page no explainer should produce (nested over 200 deep, no explainer text), refused without walking it' },
} as const;

/** Every check, for reports and the README test. */
export const PAGE_RULES = Object.values(PAGE_CHECKS);

/** A page check's id. */
export type PageRuleId = (typeof PAGE_RULES)[number]['id'];
