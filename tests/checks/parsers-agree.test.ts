/**
 * The build parses each explainer twice: Sätteri renders the page, remark
 * (with remark-mdx and remark-gfm) feeds the rules. If the two ever read a
 * file differently, the check would judge paragraphs the reader never sees.
 * This compares their trees on every fixture, every sample explainer and a
 * synthetic corpus: the same blocks, and the same citations outside links.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FRONTMATTER, parseMdx } from '../../src/checks/article.ts';
import { parseCitations } from '../../src/citations/parse.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { ROOT } from '../helpers/site.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** Block and inline structures the rules look at. */
const COUNTED = new Set(['paragraph', 'heading', 'list', 'listItem', 'table', 'tableCell', 'blockquote', 'code', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** What both parsers must agree on: how many of each structure, and every citation group in order. */
function shape(tree: Node): { counts: Record<string, number>; citations: string[] } {
  const counts: Record<string, number> = {};
  const citations: string[] = [];
  const walk = (node: Node, inLink: boolean): void => {
    if (COUNTED.has(node.type)) counts[node.type] = (counts[node.type] ?? 0) + 1;
    if (node.type === 'text' && !inLink) {
      for (const group of parseCitations(node.value ?? '').groups) citations.push(node.value!.slice(group.start, group.end));
    }
    for (const child of node.children ?? []) walk(child, inLink || node.type === 'link' || node.type === 'linkReference');
  };
  walk(tree, false);
  return { counts, citations };
}

/** Either parser's reading of `text`, or `error` when it refuses the file. */
function read(parse: () => unknown): ReturnType<typeof shape> | 'error' {
  try {
    return shape(parse() as Node);
  } catch {
    return 'error';
  }
}

async function files(synthetic: string): Promise<string[]> {
  const found: string[] = [];
  const fixtures = join(ROOT, 'tests/fixtures/citations');
  for (const name of await readdir(fixtures)) {
    const file = join(fixtures, name, 'input.mdx');
    if (existsSync(file)) found.push(file);
  }
  for (const dir of ['content/explainers', 'tests/fixtures/site-basic']) {
    for (const name of await readdir(join(ROOT, dir))) if (name.endsWith('.mdx')) found.push(join(ROOT, dir, name));
  }
  found.push(...(await generateCorpus({ n: 30, seed: 7, dir: synthetic })));
  return found;
}

describe('the checker and the renderer read explainers alike', () => {
  it('finds the same blocks and the same citations with remark and with Sätteri', async () => {
    const synthetic = await mkdtemp(join(tmpdir(), 'parsers-agree-'));
    onTestFinished(() => rm(synthetic, { recursive: true, force: true }));
    const all = await files(synthetic);
    expect(all.length).toBeGreaterThan(60);
    let refused = 0;
    for (const file of all) {
      const text = await readFile(file, 'utf8');
      // Astro hands Sätteri the body only; blanking the frontmatter keeps line numbers.
      const body = text.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ' '));
      const remark = read(() => parseMdx(text));
      const satteri = read(() => mdxToMdast(body));
      if (remark === 'error') refused++;
      expect({ file, satteri }).toEqual({ file, satteri: remark });
    }
    // The unclosed-JSX fixture: both refuse it, nothing else is refused.
    expect(refused).toBe(1);
  });
});
