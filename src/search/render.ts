/**
 * DOM for the search page, built from text nodes only (no HTML strings), so
 * nothing from the index can inject markup.
 */
import { excerptAround, type ExcerptPart, type ExcerptSource } from './excerpt.ts';
import { FILTERS, type FilterKey } from './fields.ts';
import { orderValues, type ValueCounts } from './filter-values.ts';
import { FOUND_IN, REGION_LABELS } from './messages.ts';
import type { PagefindFragment } from './pagefind-api.ts';
import { countedLocations, entryRanges, matchRegions, regionBounds } from './regions.ts';
import { headingRanges } from './sentences.ts';

/** Create an element with a class and optional text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Append excerpt runs, wrapping matches in `<mark>`. */
function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]): HTMLElement {
  for (const part of parts) parent.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  return parent;
}

/** One result: headline link, date, summary, highlighted excerpt and where the match was. */
export function renderResult(data: PagefindFragment): HTMLLIElement {
  const item = el('li', 'search-result');
  const title = el('h2', 'search-result__title');
  const link = el('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  if (data.meta.date) {
    const time = el('time', undefined, data.meta.dateLabel ?? data.meta.date);
    time.dateTime = data.meta.date;
    const topics = data.filters.topic ?? [];
    item.append(appendMeta(el('p', 'search-result__meta'), time, topics));
  }
  if (data.meta.summary) item.append(el('p', 'search-result__summary', data.meta.summary));
  const locations = countedLocations(data);
  const { regions, analysisLocations } = matchRegions({ anchors: data.anchors, locations });
  const words = data.content.split(/\s+/).filter(Boolean);
  const source: ExcerptSource = {
    words,
    headings: headingRanges(data.anchors),
    blocks: entryRanges(data.anchors, words.length),
    bounds: (location) => regionBounds(location, { anchors: data.anchors, wordCount: words.length }),
    // The page's text starts with the headline and summary, which the result shows already.
    skip: wordCount(data.meta.title) + wordCount(data.meta.summary),
  };
  // Analysis matches get an excerpt of their own, so the main one is built from the other matches.
  const excerpt = excerptAround(source, locations.filter((location) => !analysisLocations.includes(location)));
  if (excerpt.length > 0) item.append(appendParts(el('p', 'search-result__excerpt'), excerpt));
  if (analysisLocations.length > 0) {
    const analysis = el('p', 'search-result__analysis');
    analysis.append(el('span', 'search-result__analysis-label', 'Analysis: '));
    item.append(appendParts(analysis, excerptAround(source, analysisLocations)));
  }
  if (regions.length > 0) {
    const where = el('p', 'search-result__where');
    where.append(`${FOUND_IN} `);
    regions.forEach((region, i) => {
      if (i > 0) where.append(i === regions.length - 1 ? ' and ' : ', ');
      where.append(el('span', `search-result__region search-result__region--${region}`, REGION_LABELS[region]));
    });
    where.append('.');
    item.append(where);
  }
  return item;
}

/** Words in a metadata string, as Pagefind counts them in the page's text. */
const wordCount = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean).length;

function appendMeta(line: HTMLElement, time: HTMLTimeElement, topics: readonly string[]): HTMLElement {
  line.append(time);
  if (topics.length > 0) line.append(document.createTextNode(` · ${topics.join(', ')}`));
  return line;
}

/** One checkbox with its label and a count that `updateCounts` refreshes. */
function checkbox(key: FilterKey, value: string, index: number, checked: boolean): HTMLDivElement {
  const row = el('div', 'search-filter__option');
  const input = el('input');
  input.type = 'checkbox';
  input.name = key;
  input.value = value;
  input.id = `filter-${key}-${index}`;
  input.checked = checked;
  const label = el('label', undefined, value);
  label.htmlFor = input.id;
  const count = el('span', 'search-filter__count');
  count.dataset.filter = key;
  count.dataset.value = value;
  label.append(' ', count);
  row.append(input, label);
  return row;
}

/**
 * Build one fieldset per filter. Built once, then only counts and checks change,
 * so keyboard focus never lands on a replaced element.
 */
export function renderFilters(container: HTMLElement, totals: Record<string, ValueCounts>, selected: Record<FilterKey, string[]>): void {
  container.replaceChildren();
  for (const { key, label } of FILTERS) {
    const counts = totals[key] ?? {};
    const { shown, more } = orderValues(key, counts, selected[key]);
    if (shown.length === 0) continue;
    const fieldset = el('fieldset', 'search-filter');
    fieldset.append(el('legend', undefined, label));
    let index = 0;
    for (const value of shown) fieldset.append(checkbox(key, value, index++, selected[key].includes(value)));
    if (more.length > 0) {
      const details = el('details', 'search-filter__more');
      details.append(el('summary', undefined, `${more.length} more`));
      for (const value of more) details.append(checkbox(key, value, index++, false));
      fieldset.append(details);
    }
    container.append(fieldset);
  }
}

/** Show per value how many articles match the current words (`(3)`). */
export function updateCounts(container: HTMLElement, counts: Record<string, ValueCounts>): void {
  for (const span of container.querySelectorAll<HTMLElement>('.search-filter__count')) {
    const n = counts[span.dataset.filter ?? '']?.[span.dataset.value ?? ''] ?? 0;
    span.textContent = `(${n})`;
    span.closest('.search-filter__option')?.classList.toggle('search-filter__option--empty', n === 0);
  }
}

/** The values currently checked, per filter. */
export function checkedValues(container: HTMLElement): Record<FilterKey, string[]> {
  const selected: Record<FilterKey, string[]> = { topic: [], year: [], publisher: [] };
  for (const { key } of FILTERS) {
    selected[key] = [...container.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((input) => input.value);
  }
  return selected;
}

/** Set the checkboxes to match `selected` (after back/forward navigation). */
export function setChecked(container: HTMLElement, selected: Record<FilterKey, string[]>): void {
  for (const input of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    input.checked = (selected[input.name as FilterKey] ?? []).includes(input.value);
  }
}
