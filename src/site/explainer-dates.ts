/**
 * Reads the dated frontmatter of every published explainer in a folder, for
 * build steps that run outside Astro's content collection (the sitemap is
 * written after the build, from the config). Files whose frontmatter fails the
 * schema are skipped: the citation gate has already refused them.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { load } from 'js-yaml';
import { explainerSchema } from '../schema/explainer.ts';
import type { DatedExplainer } from './sitemap.ts';

/** The explainer in one file's text (id = path without `.mdx`), or undefined for a draft or invalid frontmatter. */
export function datedExplainer(id: string, text: string): DatedExplainer | undefined {
  const block = extractFrontmatter(text);
  if (block === undefined) return undefined;
  let yaml: unknown;
  try {
    yaml = load(block);
  } catch {
    return undefined;
  }
  const parsed = explainerSchema.safeParse(yaml ?? {});
  return parsed.success && !parsed.data.draft ? { id, data: parsed.data } : undefined;
}

/** Every published explainer under `dir` (as Astro's glob loader finds them: `**\/*.mdx`). */
export async function readDatedExplainers(dir: string): Promise<DatedExplainer[]> {
  const found: DatedExplainer[] = [];
  for await (const file of glob('**/*.mdx', { cwd: dir })) {
    const entry = datedExplainer(file.replace(/\.mdx$/, '').split('\\').join('/'), await readFile(join(dir, file), 'utf8'));
    if (entry) found.push(entry);
  }
  return found;
}
