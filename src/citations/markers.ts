/**
 * Citation markers: the pure core of the render plugin (./satteri-citations.ts).
 * Turns the `[@id]` groups of one text into numbered, linked superscript
 * markers and records the citation order for the page's Sources list.
 *
 * Numbers follow first use in the article. Each marker links to
 * `#source-<id>`; each use gets its own id (`cite-<id>-<n>`) so the Sources
 * list can link back to every place a source is cited. A group shows its
 * numbers in ascending order (`[2, 3]`, never `[3, 2]`), and a locator is
 * printed in the marker as text (`[1, p. 4]`), so it survives without
 * JavaScript, in print and in reader modes.
 */
import type { ElementContent } from 'hast';
import type { PhrasingContent, Text } from 'mdast';
import { parseCitations, type CitationGroup } from './parse.ts';

/** What the plugin records about an article's citations. */
export interface CitationData {
  /** Source ids in order of first citation: index + 1 is the marker number. */
  order: string[];
  /** How many times each id is cited (its back-link count). */
  uses: Record<string, number>;
  /**
   * The locator of each use of each id, in reading order ('' for none): shown beside its back-link.
   * Optional so that a record made by other tools (tests build their own) still type-checks.
   */
  locators?: Record<string, string[]>;
}

/** An empty record, for a document before any citation. */
export const emptyCitationData = (): CitationData => ({ order: [], uses: {}, locators: {} });

/** Element id of a source's entry in the Sources list. */
export const sourceAnchor = (id: string): string => `source-${id}`;
/** Element id of the n-th (1-based) citation of a source. */
export const citeAnchor = (id: string, n: number): string => `cite-${id}-${n}`;

/** Source titles by id, from an article's frontmatter (for the markers' accessible labels). */
export function sourceTitles(frontmatter: Record<string, unknown> | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  const sources: unknown = frontmatter?.sources;
  if (!Array.isArray(sources)) return titles;
  for (const source of sources as Array<{ id?: unknown; title?: unknown } | null>) {
    if (typeof source?.id === 'string' && typeof source.title === 'string') titles.set(source.id, source.title);
  }
  return titles;
}

/**
 * The nodes that replace a text node holding citations: the text around each
 * group, and one marker node per group (an mdast node rendered as `<sup>`
 * through `data.hName`/`hChildren`). Undefined when `text` cites nothing.
 * Updates `data` with the order and use count of every known id cited.
 */
export function markerNodes(text: string, data: CitationData, titles: ReadonlyMap<string, string>): PhrasingContent[] | undefined {
  const { groups } = parseCitations(text);
  if (groups.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const group of groups) {
    // A space before a marker would let it wrap onto its own line.
    const before = text.slice(last, group.start).replace(/[ \t]+$/, '');
    if (before) out.push({ type: 'text', value: before } satisfies Text);
    out.push(renderGroup(group, data, titles));
    last = group.end;
  }
  const rest = text.slice(last);
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

/** One cited item of a group, numbered. */
interface NumberedItem {
  id: string;
  number: number;
  use: number;
  locator?: string;
  title: string;
}

function renderGroup(group: CitationGroup, data: CitationData, titles: ReadonlyMap<string, string>): PhrasingContent {
  const known: NumberedItem[] = [];
  const unknown: string[] = [];
  // Numbers and use ids are given in written order (first use decides the number)...
  for (const item of group.items) {
    const title = titles.get(item.id);
    if (title === undefined) {
      unknown.push(item.id);
      continue;
    }
    if (!data.order.includes(item.id)) data.order.push(item.id);
    const use = (data.uses[item.id] = (data.uses[item.id] ?? 0) + 1);
    ((data.locators ??= {})[item.id] ??= []).push(item.locator ?? '');
    known.push({ id: item.id, number: data.order.indexOf(item.id) + 1, use, locator: item.locator, title });
  }
  // ...and shown in ascending order, as readers scan a list of numbers.
  known.sort((a, b) => a.number - b.number);
  // A locator holds commas of its own ("p. 4"), so items are then set apart by semicolons.
  const separator = group.items.some((item) => item.locator) ? '; ' : ', ';
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  const push = (nodes: ElementContent[]) => {
    if (children.length > 1) children.push({ type: 'text', value: separator });
    children.push(...nodes);
  };
  for (const item of known) push(markerLink(item));
  // Unknown id: the citation check fails the build; render a visible gap, never a dead link.
  for (const id of unknown) push([{ type: 'element', tagName: 'span', properties: { className: ['cite-unknown'], title: `Unknown source ${id}` }, children: [{ type: 'text', value: '?' }] }]);
  children.push({ type: 'text', value: ']' });
  // A custom node: the mdast-to-hast step turns it into <sup> via data.hName/hChildren.
  return {
    type: 'citation',
    data: { hName: 'sup', hProperties: { className: ['cite'] }, hChildren: children },
  } as unknown as PhrasingContent;
}

/** The link to a source's entry, then its locator as visible text (`1`, `, p. 4`). */
function markerLink({ id, number, use, locator, title }: NumberedItem): ElementContent[] {
  const link: ElementContent = {
    type: 'element',
    tagName: 'a',
    properties: {
      href: `#${sourceAnchor(id)}`,
      id: citeAnchor(id, use),
      className: ['cite-link'],
      // The locator is not repeated here: it is the text right after the link.
      ariaLabel: `Source ${number}: ${title}`,
      dataSource: id,
      ...(locator ? { dataLocator: locator } : {}),
    },
    children: [{ type: 'text', value: String(number) }],
  };
  if (!locator) return [link];
  // A no-break space: "1, p. 4" never splits over two lines (a group may break after its "; ").
  return [link, { type: 'text', value: ',\u00a0' }, { type: 'element', tagName: 'span', properties: { className: ['cite-locator'] }, children: [{ type: 'text', value: locator }] }];
}
