/**
 * Numbering of an article's sources for the Sources list, from the citation
 * order the citation plugin (src/citations/satteri-citations.ts) recorded while rendering the body.
 */
import type { Source } from '../schema/explainer.ts';
import { citeAnchor, sourceAnchor, type CitationData } from '../citations/markers.ts';

/** One place in the text that cites a source, as its Sources entry links back to it. */
export interface Backlink {
  /** Element id of the marker in the text (the back-link's target). */
  target: string;
  /** Element id of the back-link itself: the card's "Full entry" link lands here, so CSS :target marks it. */
  id: string;
  /** Wikipedia-style letter (`a`, `b`, … `z`, `aa`) when the source is cited more than once. */
  letter?: string;
  /** The locator that citation gave (`p. 4`), if any. */
  locator?: string;
}

/** A source as the Sources list shows it. */
export interface NumberedSource {
  source: Source;
  /** The marker number readers saw in the text; undefined when never cited. */
  number?: number;
  /** Element id of the entry, the target of every marker. */
  anchor: string;
  /** Each citation of this source, in reading order. */
  backlinks: Backlink[];
}

/** Element id of the back-link in a source's entry to its n-th (1-based) citation. */
export const backlinkAnchor = (id: string, n: number): string => `back-${id}-${n}`;

/** `a` … `z`, then `aa`, `ab` …: the letters Wikipedia gives repeated citations. */
export function backlinkLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * Sources in the order readers meet them: cited ones by marker number, then
 * any never cited (the citation check reports those) in frontmatter order.
 */
export function numberSources(sources: readonly Source[], citations: CitationData | undefined): NumberedSource[] {
  const order = citations?.order ?? [];
  const byId = new Map(sources.map((source) => [source.id, source]));
  const cited = order.flatMap((id, i) => {
    const source = byId.get(id);
    return source ? [{ source, number: i + 1 }] : [];
  });
  const uncited = sources.filter((source) => !order.includes(source.id)).map((source) => ({ source, number: undefined }));
  return [...cited, ...uncited].map(({ source, number }) => {
    const uses = citations?.uses[source.id] ?? 0;
    const locators = citations?.locators?.[source.id] ?? [];
    const backlinks = Array.from({ length: uses }, (_, i): Backlink => ({
      target: citeAnchor(source.id, i + 1),
      id: backlinkAnchor(source.id, i + 1),
      ...(uses > 1 ? { letter: backlinkLetter(i) } : {}),
      ...(locators[i] ? { locator: locators[i] } : {}),
    }));
    return { source, number, anchor: sourceAnchor(source.id), backlinks };
  });
}
