/**
 * Numbering of an article's sources for the Sources list, from the citation
 * order the citation plugin (src/citations/satteri-citations.ts) recorded while rendering the body.
 */
import type { Source } from '../schema/explainer.ts';
import { citeAnchor, sourceAnchor, type CitationData } from '../citations/markers.ts';

/** A source as the Sources list shows it. */
export interface NumberedSource {
  source: Source;
  /** The marker number readers saw in the text; undefined when never cited. */
  number?: number;
  /** Element id of the entry, the target of every marker. */
  anchor: string;
  /** Element ids of each citation of this source, in reading order. */
  backlinks: string[];
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
  return [...cited, ...uncited].map(({ source, number }) => ({
    source,
    number,
    anchor: sourceAnchor(source.id),
    backlinks: Array.from({ length: citations?.uses[source.id] ?? 0 }, (_, i) => citeAnchor(source.id, i + 1)),
  }));
}
