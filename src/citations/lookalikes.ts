/**
 * Text that reads like a citation marker but is not one. Both gates use these
 * tests (the checker on the Markdown, the published-page gate on the HTML),
 * so they can never disagree on what a reader would take for a citation.
 *
 * A marker prints `[1]`, `[2, 3]` or `[1, p. 4]`. A writer who types `\[2\]`
 * or links the words `[2]` to a source's entry shows the same thing, but no
 * source was cited and nothing checks that the number is right; a locator
 * that is only a number (`[@a, 2]` prints `[1, 2]`) reads as a second source.
 */

/** `[2]`, `[2, 3]`, `[1–4]`: source numbers in brackets, as a marker prints them. */
export const HANDMADE_MARKER = /\[\s*\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*\s*\]/u;

/** True when a locator is only numbers (`2`, `2, 3`, `33-35`): printed after the marker's number it reads as more sources. */
export function isNumberOnlyLocator(locator: string): boolean {
  return /^[\d\s,;.–—-]+$/u.test(locator);
}
