/**
 * Writing throwaway explainers whose sources point at local test servers.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** A source in a test explainer. */
export interface TestSource {
  id: string;
  url: string;
  quote?: string;
  accessed?: string;
  archived?: string;
}

/** A fresh temporary folder. */
export const tempDir = (prefix = 'linkrot-') => mkdtemp(join(tmpdir(), prefix));

/** Write `<dir>/<slug>.mdx` citing `sources` (each once), plus `body`. */
export async function writeExplainer(dir: string, slug: string, sources: TestSource[], body = ''): Promise<string> {
  await mkdir(dir, { recursive: true });
  const frontmatter = {
    title: `Explainer ${slug}`,
    summary: 'A test explainer.',
    published: '2025-11-20',
    authors: ['Test Desk'],
    sources: sources.map((s) => ({ id: s.id, title: `Source ${s.id}`, url: s.url, publisher: 'Test', ...(s.accessed ? { accessed: s.accessed } : {}), ...(s.archived ? { archived: s.archived } : {}), ...(s.quote ? { quote: s.quote } : {}) })),
  };
  const text = `---\n${stringify(frontmatter)}---\n\n${sources.map((s) => `A claim [@${s.id}].`).join('\n\n')}\n\n${body}\n`;
  const path = join(dir, `${slug}.mdx`);
  await writeFile(path, text);
  return path;
}
