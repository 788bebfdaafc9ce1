/**
 * What counts as a claim's text: one predicate for both judges, the checker
 * (over the Markdown tree) and the published-page gate (over the HTML), so
 * they can never disagree on whether a block says anything.
 */

/**
 * Letters, digits, and symbols that carry meaning on their own (currency,
 * emoji, ✓, ©). Spaces, punctuation, invisible format characters (zero-width
 * spaces, direction marks) and leftover markup symbols (`|`, `+`, `=`) do not.
 */
const CONTENT = /[\p{L}\p{N}\p{Sc}\p{So}]/u;

/** True when a reader would read `text` as saying something. */
export function hasClaimText(text: string): boolean {
  return CONTENT.test(text);
}
