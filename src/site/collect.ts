/** Shared bits for grouping names that differ only in spelling or case. */

/**
 * The spelling most often used among `names`, so "NATO" wins over a single
 * "Nato". Ties go to a capitalised spelling ("Peace talks" over "peace
 * talks"), then to the first one seen.
 */
export function preferredName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const capitalised = (name: string) => (/^\p{Lu}/u.test(name) ? 1 : 0);
  let best = names[0] ?? '';
  for (const [name, n] of counts) {
    const diff = n - (counts.get(best) ?? 0);
    if (diff > 0 || (diff === 0 && capitalised(name) > capitalised(best))) best = name;
  }
  return best;
}

/** Case-insensitive, locale-aware order for names readers scan. */
export const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b);
