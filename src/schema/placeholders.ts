/**
 * What a new explainer starts with and must not be published with: the
 * example source's address, lines that say "Replace", and the example
 * sentences of the scaffold. `npm run new` writes them from here and the
 * `unfinished` rule looks for them here, so the two can never drift apart.
 */

/** The example source of a new explainer. */
export const EXAMPLE_SOURCE = { id: 'example-source', url: 'https://example.org/replace-with-the-source-url' } as const;

/**
 * Hosts reserved for examples (RFC 2606): a source there is a placeholder,
 * never a page a reader can check. Test fixtures use `.test` hosts instead.
 */
export function isExampleUrl(url: string): boolean {
  try {
    return /(?:^|\.)example\.(?:com|org|net)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A frontmatter value still to be replaced ("Replace with the headline…"). */
export const PLACEHOLDER = /^\s*Replace\b/;

/** The scaffold's example text, sentence by sentence (each also a claim or Analysis block in it). */
export const EXAMPLE_TEXT = {
  lead: 'Start with the most important fact and cite its source right after it, before the full stop',
  heading: 'A heading for the first part',
  every: 'Every paragraph needs a citation',
  several: 'Several sources go in one pair of brackets separated by semicolons, and a page or section goes after a comma',
  item: 'Each list item needs its own citation',
  row: 'So does each table row',
  analysis: "This box holds the site's own interpretation of the facts above. It needs no citation, and readers see it labelled as analysis. Delete it if you have none.",
} as const;

/** True when `text` (a claim's or an Analysis block's) is one of the scaffold's example sentences. */
export function isExampleText(text: string): boolean {
  return Object.values(EXAMPLE_TEXT).some((example) => text.includes(example));
}
