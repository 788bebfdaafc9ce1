/**
 * A quick pass before Astro reads anything: can Astro load every explainer
 * safely? Astro validates frontmatter while it syncs content, early in the
 * build, and stops at the first broken file; Sätteri crashes the whole
 * process on input nested too deep (./limits.ts). This pass lets the build
 * print the full report instead. It reads the YAML, the schema and the
 * limits only (no Markdown parse), so it costs a fraction of the full check.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { explainerSchema } from '../schema/explainer.ts';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { findLimitProblems } from './limits.ts';

/** True when `text` has frontmatter that parses and passes the explainer schema. */
export function frontmatterLoads(text: string): boolean {
  // Astro's own split (a line starting with --- or +++ ends it), so this pass sees what Astro sees.
  const block = extractFrontmatter(text);
  if (block === undefined) return false;
  try {
    return explainerSchema.safeParse(load(block) ?? {}).success;
  } catch {
    return false;
  }
}

/** What the pass found: the files that would stop Astro's content sync or crash its render. */
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
    if (!frontmatterLoads(text) || findLimitProblems(text).length > 0) result.broken.push(path);
  }
  return result;
}
