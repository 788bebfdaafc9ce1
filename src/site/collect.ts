/** Shared bits for grouping names that differ only in spelling or case. */

/**
 * The spelling most often used among `names` (ties: the first one seen),
 * so "NATO" wins over a single "Nato".
 */
export function preferredName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const [name, n] of counts) if (n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** Case-insensitive, locale-aware order for names readers scan. */
export const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b);
