/**
 * satteriTableAlign: a Sätteri hast plugin that turns a table column's
 * alignment (`| :---: |`) into a class. Sätteri writes it as an inline
 * `style="text-align: …"`, which the site's Content-Security-Policy blocks
 * (and reports) in every browser; `.align-left|center|right` in
 * src/styles/global.css does the same job from the stylesheet.
 */
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';

const ALIGN = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/;

/** The class for an inline alignment style, or undefined when `style` is something else. */
export function alignClass(style: unknown): string | undefined {
  const match = typeof style === 'string' ? ALIGN.exec(style) : null;
  return match ? `align-${match[1]}` : undefined;
}

/** The plugin, for `satteri({ hastPlugins: [satteriTableAlign()] })`. */
export function satteriTableAlign(): HastPluginDefinition {
  return defineHastPlugin({
    name: 'explainers:table-align',
    element: {
      filter: ['th', 'td'],
      visit(node, ctx) {
        const name = alignClass(node.properties?.style);
        if (!name) return;
        const existing = node.properties?.className;
        ctx.setProperty(node, 'className', [...(Array.isArray(existing) ? existing : []), name]);
        ctx.setProperty(node, 'style', undefined);
      },
    },
  });
}
