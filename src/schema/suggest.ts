/** "Did you mean …?" suggestions for misspelt ids, field names and components. */
import leven from 'leven';

/**
 * The candidate closest to `name`, when it is close enough to be a plausible
 * typo (at most a third of the length different, and at least 2), else undefined.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = leven(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}
