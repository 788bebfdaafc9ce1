/**
 * A quick frontmatter-only pass: can Astro load every explainer's
 * frontmatter with our schema? Astro validates frontmatter while it syncs
 * content, early in the build, and stops at the first broken file; this pass
 * lets the build print the full report instead. It reads the YAML and the
 * schema only (no Markdown parse), so it costs a fraction of the full check.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { explainerSchema } from '../schema/explainer.ts';
import { FRONTMATTER } from './article.ts';

/** True when `text` has frontmatter that parses and passes the explainer schema. */
export function frontmatterLoads(text: string): boolean {
  const block = FRONTMATTER.exec(text)?.[1];
  if (block === undefined) return false;
  try {
    return explainerSchema.safeParse(load(block) ?? {}).success;
  } catch {
    return false;
  }
}

/** What the pass found: the files whose frontmatter would stop Astro's content sync. */
export interface Precheck {
  broken: string[];
}

/** Read every file (absolute paths) and list those with broken frontmatter. */
export async function precheckFrontmatter(files: string[]): Promise<Precheck> {
  const result: Precheck = { broken: [] };
  for (const path of files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    } catch {
      result.broken.push(path);
      continue;
    }
    if (!frontmatterLoads(text)) result.broken.push(path);
  }
  return result;
}
