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

/** The frontmatter of `text` as js-yaml loads it, when it parses and passes the explainer schema. */
function loadValid(text: string): { data: unknown } | undefined {
  const block = FRONTMATTER.exec(text)?.[1];
  if (block === undefined) return undefined;
  try {
    const data = load(block) ?? {};
    return explainerSchema.safeParse(data).success ? { data } : undefined;
  } catch {
    return undefined;
  }
}

/** True when `text` has frontmatter that parses and passes the explainer schema. */
export function frontmatterLoads(text: string): boolean {
  return loadValid(text) !== undefined;
}

/** What the pass read: the files whose frontmatter would stop Astro's content sync, and the rest. */
export interface Precheck {
  broken: string[];
  /** Text and loaded frontmatter of every good file, by absolute path, for the rules to reuse. */
  read: Map<string, { text: string; data: unknown }>;
}

/** Read every file (absolute paths) once and sort the broken frontmatter from the good. */
export async function precheckFrontmatter(files: string[]): Promise<Precheck> {
  const result: Precheck = { broken: [], read: new Map() };
  for (const path of files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    } catch {
      result.broken.push(path);
      continue;
    }
    const valid = loadValid(text);
    if (valid) result.read.set(path, { text, data: valid.data });
    else result.broken.push(path);
  }
  return result;
}
