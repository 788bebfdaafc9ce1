/**
 * Splitting the starting pages of the internal link check into batches.
 *
 * linkinator's cost per run grows faster than its link count: it looks up
 * every repeated link in a list of all results so far. So batches are capped
 * by bytes of HTML (a stand-in for links) as well as by pages.
 *
 * Every page linked from a batch but not in it is fetched (and parsed, for
 * its `#fragments`) once more by that batch. The few heavy pages (indexes
 * citing much of the site) share most of their targets, so they are batched
 * together, with a larger byte cap: split up, each part would fetch nearly
 * the whole site again. Their batch comes first, so when batches run in
 * parallel the longest one starts first.
 */

/** A starting page and its size in bytes. */
export interface SizedPage {
  path: string;
  size: number;
}

/** Limits for {@link planBatches}. */
export interface BatchLimits {
  /** Most pages in one batch. */
  pages: number;
  /** Most bytes of pages in one batch (a single larger page gets a batch of its own). */
  bytes: number;
  /** Most bytes of heavy pages in one batch (default 4 × `bytes`). */
  heavyBytes?: number;
}

/** A page this many times the median size or more counts as heavy. */
const HEAVY = 4;

function median(sizes: number[]): number {
  const sorted = [...sizes].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Append `pages` to `batches` in order, starting a new batch at either cap. */
function fill(batches: string[][], pages: readonly SizedPage[], most: number, bytes: number): void {
  let batch: string[] = [];
  let held = 0;
  for (const page of pages) {
    if (batch.length > 0 && (batch.length >= most || held + page.size > bytes)) {
      batches.push(batch);
      batch = [];
      held = 0;
    }
    batch.push(page.path);
    held += page.size;
  }
  if (batch.length > 0) batches.push(batch);
}

/**
 * Batches of page paths: heavy pages first, largest first, then the rest in
 * the order given; each page in exactly one batch.
 */
export function planBatches(pages: readonly SizedPage[], limits: BatchLimits): string[][] {
  const threshold = HEAVY * median(pages.map((page) => page.size));
  const isHeavy = (page: SizedPage) => threshold > 0 && page.size >= threshold;
  const heavy = pages.filter(isHeavy).sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  const batches: string[][] = [];
  fill(batches, heavy, limits.pages, limits.heavyBytes ?? 4 * limits.bytes);
  fill(batches, pages.filter((page) => !isHeavy(page)), limits.pages, limits.bytes);
  return batches;
}
