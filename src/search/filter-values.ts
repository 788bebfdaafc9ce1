/** Ordering of filter values for the search page's checkbox lists. */
import type { FilterKey } from './fields.ts';

/** Values of one filter with the number of articles carrying each. */
export type ValueCounts = Record<string, number>;

/** Values shown at once, and the rest kept behind a "more" toggle. */
export interface OrderedValues {
  shown: string[];
  more: string[];
}

/** How many values a filter shows before the rest fold away. */
export const SHOWN_VALUES = 8;

/**
 * Years newest first; topics and publishers most used first, then A to Z.
 * Selected values are always among those shown, so a choice never hides itself.
 */
export function orderValues(key: FilterKey, counts: ValueCounts, selected: readonly string[] = [], limit = SHOWN_VALUES): OrderedValues {
  const values = [...new Set([...Object.keys(counts), ...selected])];
  const count = (value: string) => counts[value] ?? 0;
  values.sort(
    key === 'year'
      ? (a, b) => b.localeCompare(a, 'en', { numeric: true })
      : (a, b) => count(b) - count(a) || a.localeCompare(b, 'en', { sensitivity: 'base' }),
  );
  const chosen = new Set(selected);
  const shown = values.slice(0, limit);
  const more = values.slice(limit).filter((value) => !chosen.has(value));
  shown.push(...values.slice(limit).filter((value) => chosen.has(value)));
  return { shown, more };
}
