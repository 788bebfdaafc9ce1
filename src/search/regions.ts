/**
 * Where on the page a match was found: the reported text, the site's own
 * Analysis, or the Sources list. Worked out from the element ids Pagefind
 * records (with their word positions) and the word positions of the matches.
 */
import { ANALYSIS_END_SUFFIX, ANALYSIS_ID_PREFIX, CITE_ANCHOR_ID, SOURCE_ENTRY_PREFIX, SOURCES_ANCHOR_ID } from './fields.ts';

/** A part of an article a match can come from. */
export type Region = 'text' | 'analysis' | 'sources';

/** The anchor fields these helpers read (Pagefind's anchors carry more). */
export interface Anchor {
  id: string;
  location: number;
}

/** Word ranges `[start, end)` covered by Analysis blocks. */
export function analysisRanges(anchors: readonly Anchor[]): Array<[number, number]> {
  const starts = anchors.filter((a) => a.id.startsWith(ANALYSIS_ID_PREFIX) && !a.id.endsWith(ANALYSIS_END_SUFFIX));
  return starts.map((start) => {
    const end = anchors.find((a) => a.id === `${start.id}${ANALYSIS_END_SUFFIX}`);
    // Without its end marker a block is treated as empty rather than swallowing the rest of the page.
    return [start.location, end?.location ?? start.location];
  });
}

/** The region of one word position. */
export function regionAt(location: number, ranges: ReadonlyArray<readonly [number, number]>, sourcesStart: number): Region {
  if (location >= sourcesStart) return 'sources';
  return ranges.some(([start, end]) => location >= start && location < end) ? 'analysis' : 'text';
}

/**
 * The word range `[start, end)` of the stretch of one region around `location`,
 * so an excerpt of an analysis match never runs into the reporting around it, and vice versa.
 */
export function regionBounds(location: number, data: { anchors: readonly Anchor[]; wordCount: number }): [number, number] {
  const ranges = analysisRanges(data.anchors);
  const sourcesStart = data.anchors.find((a) => a.id === SOURCES_ANCHOR_ID)?.location ?? data.wordCount;
  const region = regionAt(location, ranges, sourcesStart);
  if (region === 'sources') return [sourcesStart, data.wordCount];
  const inside = ranges.find(([start, end]) => location >= start && location < end);
  if (region === 'analysis' && inside) return [inside[0], inside[1]];
  const start = Math.max(0, ...ranges.map(([, end]) => end).filter((end) => end <= location));
  const end = Math.min(sourcesStart, ...ranges.map(([begin]) => begin).filter((begin) => begin > location));
  return [start, end];
}

/**
 * Match positions that count: those before the "Cite this explainer" block,
 * whose reference only repeats the headline and byline.
 */
export function countedLocations(data: { anchors: readonly Anchor[]; locations: readonly number[] }): number[] {
  const citeStart = data.anchors.find((a) => a.id === CITE_ANCHOR_ID)?.location ?? Number.POSITIVE_INFINITY;
  return data.locations.filter((location) => location < citeStart);
}

/** Word ranges `[start, end)` of the Sources list's entries: each ends where the next entry, or a heading, begins. */
export function entryRanges(anchors: ReadonlyArray<Anchor & { element?: string }>, wordCount: number): Array<[number, number]> {
  const starts = anchors.filter((a) => a.id.startsWith(SOURCE_ENTRY_PREFIX)).map((a) => a.location);
  const stops = [...starts, ...anchors.filter((a) => /^h[1-6]$/i.test(a.element ?? '')).map((a) => a.location), wordCount].sort((a, b) => a - b);
  return starts.map((start) => [start, stops.find((stop) => stop > start) ?? wordCount]);
}

/** Regions with matches, in page order, and the matching positions inside Analysis blocks. */
export interface MatchRegions {
  regions: Region[];
  analysisLocations: number[];
}

/** Sort matches into regions for one result. */
export function matchRegions(data: { anchors: readonly Anchor[]; locations: readonly number[] }): MatchRegions {
  const ranges = analysisRanges(data.anchors);
  const sourcesStart = data.anchors.find((a) => a.id === SOURCES_ANCHOR_ID)?.location ?? Number.POSITIVE_INFINITY;
  const found = new Set<Region>();
  const analysisLocations: number[] = [];
  for (const location of data.locations) {
    const region = regionAt(location, ranges, sourcesStart);
    found.add(region);
    if (region === 'analysis') analysisLocations.push(location);
  }
  const order: Region[] = ['text', 'analysis', 'sources'];
  return { regions: order.filter((region) => found.has(region)), analysisLocations };
}
