/**
 * remarkCitations: turns `[@id]` groups in the article body into numbered,
 * linked superscript markers and records the citation order for the page.
 *
 * Numbers follow first use in the article. Each marker links to
 * `#source-<id>`; each use gets its own id (`cite-<id>-<n>`) so the Sources
 * list can link back to every place a source is cited.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { ElementContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseCitations, type CitationGroup } from './parse.ts';

/** What the plugin records about an article's citations. */
export interface CitationData {
  /** Source ids in order of first citation: index + 1 is the marker number. */
  order: string[];
  /** How many times each id is cited (its back-link count). */
  uses: Record<string, number>;
}

/** Minimal view of a source the plugin needs for labels. */
interface SourceLabel {
  id?: unknown;
  title?: unknown;
}

/** Node types whose text is never scanned for citations. */
const OPAQUE = new Set(['link', 'linkReference', 'inlineCode', 'code', 'definition', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** Element id of a source's entry in the Sources list. */
export const sourceAnchor = (id: string): string => `source-${id}`;
/** Element id of the n-th (1-based) citation of a source. */
export const citeAnchor = (id: string, n: number): string => `cite-${id}-${n}`;

/**
 * The remark plugin. Reads the frontmatter sources (for accessible labels)
 * from `file.data.astro.frontmatter` and writes `citations` back there,
 * where Astro exposes it as `remarkPluginFrontmatter.citations`.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile): void => {
    const frontmatter = getFrontmatter(file);
    const titles = new Map<string, string>();
    const sources: unknown = frontmatter.sources;
    if (Array.isArray(sources)) {
      for (const source of sources as SourceLabel[]) {
        if (typeof source?.id === 'string' && typeof source.title === 'string') titles.set(source.id, source.title);
      }
    }
    const data: CitationData = { order: [], uses: {} };

    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (OPAQUE.has(node.type)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const { groups } = parseCitations(node.value);
      if (groups.length === 0) return;
      const replacement = splitText(node, groups, (group) => renderGroup(group, data, titles));
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return index + replacement.length;
    });

    frontmatter.citations = data;
  };
}

function getFrontmatter(file: VFile): Record<string, unknown> {
  const astro = ((file.data as Record<string, unknown>).astro ??= {}) as Record<string, unknown>;
  return (astro.frontmatter ??= {}) as Record<string, unknown>;
}

function splitText(node: Text, groups: CitationGroup[], render: (g: CitationGroup) => PhrasingContent): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const group of groups) {
    // A space before a marker would let it wrap onto its own line.
    const before = node.value.slice(last, group.start).replace(/[ \t]+$/, '');
    if (before) out.push({ type: 'text', value: before });
    out.push(render(group));
    last = group.end;
  }
  const rest = node.value.slice(last);
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

function renderGroup(group: CitationGroup, data: CitationData, titles: Map<string, string>): PhrasingContent {
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
  // A custom node: mdast-util-to-hast turns it into <sup> via data.hName/hChildren.
  return {
    type: 'citation',
    data: { hName: 'sup', hProperties: { className: ['cite'] }, hChildren: children },
  } as unknown as PhrasingContent;
}
