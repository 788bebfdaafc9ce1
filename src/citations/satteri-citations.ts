/**
 * satteriCitations: the citation render plugin for Astro's Sätteri processor
 * (an mdast plugin). Replaces each text holding `[@id]` groups with the
 * markers of ./markers.ts and writes the citation order to the page's
 * frontmatter, where Astro exposes it as `remarkPluginFrontmatter.citations`.
 *
 * The checker does not use this: it parses with remark and remark-gfm
 * (src/checks/article.ts), and the build gate runs it beside the render.
 */
import { defineMdastPlugin, type Data, type MdastPluginEntry, type MdastTarget, type PluginFactoryContext } from 'satteri';
import { emptyCitationData, markerNodes, sourceTitles, type CitationData } from './markers.ts';

/** Parents whose text is never scanned: a citation inside a link stays as written. */
const OPAQUE_PARENTS = new Set(['link', 'linkReference']);

/** The frontmatter bag Astro hands every plugin (created when missing, e.g. in unit tests). */
function frontmatterOf(data: Data): Record<string, unknown> {
  // Loosely typed on purpose: outside Astro (tests, other tools) the bag may be partial.
  const astro = ((data as Record<string, unknown>).astro ??= {}) as Record<string, unknown>;
  return (astro.frontmatter ??= {}) as Record<string, unknown>;
}

/**
 * The plugin entry for `satteri({ mdastPlugins: [satteriCitations()] })`.
 * A factory, so each compiled document gets its own numbering.
 */
export function satteriCitations(): MdastPluginEntry {
  return (document: PluginFactoryContext) => {
    const data: CitationData = emptyCitationData();
    const record = (ctx: { data: Data }): void => void (frontmatterOf(ctx.data).citations = data);
    // A document without an `@` cites nothing: skip the visitor, as each text it
    // visits crosses from Rust to JavaScript.
    if (!document.source.includes('@')) return defineMdastPlugin({ name: 'explainers:citations', after: (_root, ctx) => record(ctx) });
    let titles: Map<string, string> | undefined;
    return defineMdastPlugin({
      name: 'explainers:citations',
      text(node, ctx) {
        // A text without an `@` cannot cite: settle that before any trip into Rust for its parents.
        if (!node.value.includes('@')) return;
        for (let parent: MdastTarget | undefined = ctx.parent(node); parent; parent = ctx.parent(parent)) {
          if (OPAQUE_PARENTS.has(parent.type)) return;
        }
        titles ??= sourceTitles(frontmatterOf(ctx.data));
        const replacement = markerNodes(node.value, data, titles);
        if (replacement) ctx.replaceNode(node, replacement);
      },
      after: (_root, ctx) => record(ctx),
    });
  };
}
