/**
 * Citation markers: the pure core of the render plugin (./satteri-citations.ts).
 * Turns the `[@id]` groups of one text into numbered, linked superscript
 * markers and records the citation order for the page's Sources list.
 *
 * Numbers follow first use in the article. Each marker links to
 * `#source-<id>`; each use gets its own id (`cite-<id>-<n>`) so the Sources
 * list can link back to every place a source is cited.
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
}

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

function renderGroup(group: CitationGroup, data: CitationData, titles: ReadonlyMap<string, string>): PhrasingContent {
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  group.items.forEach((item, i) => {
    if (i > 0) children.push({ type: 'text', value: ', ' });
    const title = titles.get(item.id);
    if (title === undefined) {
      // Unknown id: the citation check fails the build; render a visible gap, never a dead link.
      children.push({ type: 'element', tagName: 'span', properties: { className: ['cite-unknown'], title: `Unknown source ${item.id}` }, children: [{ type: 'text', value: '?' }] });
      return;
    }
    if (!data.order.includes(item.id)) data.order.push(item.id);
    const number = data.order.indexOf(item.id) + 1;
    const use = (data.uses[item.id] = (data.uses[item.id] ?? 0) + 1);
    const label = `Source ${number}: ${title}${item.locator ? `, ${item.locator}` : ''}`;
    children.push({
      type: 'element',
      tagName: 'a',
      properties: {
        href: `#${sourceAnchor(item.id)}`,
        id: citeAnchor(item.id, use),
        className: ['cite-link'],
        ariaLabel: label,
        dataSource: item.id,
        ...(item.locator ? { dataLocator: item.locator } : {}),
      },
      children: [{ type: 'text', value: String(number) }],
    });
  });
  children.push({ type: 'text', value: ']' });
  // A custom node: the mdast-to-hast step turns it into <sup> via data.hName/hChildren.
  return {
    type: 'citation',
    data: { hName: 'sup', hProperties: { className: ['cite'] }, hChildren: children },
  } as unknown as PhrasingContent;
}
