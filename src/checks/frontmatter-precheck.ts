/**
 * A quick pass before Astro reads anything: can Astro load every explainer
 * safely? Astro validates frontmatter while it syncs content, early in the
 * build, and stops at the first broken file; Sätteri crashes the whole
 * process on input nested too deep (./limits.ts). This pass lets the build
 * print the full report instead. It reads each file with the one reader
 * (YAML and schema, no Markdown parse) and scans the limits, so it costs a
 * fraction of the full check.
 */
import { readFile } from 'node:fs/promises';
import { readExplainer } from '../schema/explainer-file.ts';
import { findLimitProblems } from './limits.ts';

/** True when `contents` reads cleanly and its frontmatter passes the explainer schema. */
export function frontmatterLoads(contents: string | Uint8Array): boolean {
  const file = readExplainer('', contents);
  return file.problems.length === 0 && file.validated().data !== undefined;
}

/** What the pass found: the files that would stop Astro's content sync or crash its render. */
export interface Precheck {
  broken: string[];
}

/** Read every file (absolute paths) and list those that are broken or over the limits. */
export async function precheckFrontmatter(files: string[]): Promise<Precheck> {
  const result: Precheck = { broken: [] };
  for (const path of files) {
    const bytes = await readFile(path);
    const file = readExplainer(path, bytes);
    if (file.problems.length > 0 || file.validated().data === undefined || findLimitProblems(file.text).length > 0) result.broken.push(path);
  }
  return result;
}
