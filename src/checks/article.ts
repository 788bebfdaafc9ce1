/**
 * An explainer ready for the rules: the file as the one reader read it
 * (src/schema/explainer-file.ts), and the mdast tree of the whole file, so
 * positions are real file positions. Bad input never throws: problems with
 * the file, input over the limits and broken MDX become messages.
 */
import { readFile } from 'node:fs/promises';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { readExplainer, type ExplainerFile } from '../schema/explainer-file.ts';
import { NOTICES } from '../schema/notices.ts';
import { placer, type Place } from '../schema/place.ts';
import { checkLimits } from './limits.ts';
import { plainMdxError } from './mdx-errors.ts';
import { fillPositions } from './positions.ts';
import { report } from './report.ts';
import { remarkUnravelJsx } from './unravel.ts';

/** One explainer, read once and parsed once for all rules. */
export interface Article {
  /** Messages are collected here; `file.path` is the path shown to writers. */
  file: VFile;
  /** The file as read: text, frontmatter, data, positions, validation. */
  source: ExplainerFile;
  /** The mdast tree; undefined when the body could not (or must not) be parsed. */
  tree?: Root;
}

// remarkUnravelJsx: MDX's compiler unravels JSX-only paragraphs before any plugin runs; so do we.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkUnravelJsx);

/**
 * Parse MDX text into an mdast tree with the exact parser the checks use; every node has a position.
 * `place` maps offsets of `text` (pass the file's own, so the text is indexed once).
 */
export function parseMdx(text: string, place: (offset: number) => Place = placer(text)): Root {
  const tree = parser.runSync(parser.parse(text)) as Root;
  fillPositions(tree, text, place);
  return tree;
}

/** Parse an explainer from its contents. `path` is only used in messages. */
export function parseArticle(path: string, contents: string | Uint8Array): Article {
  const source = readExplainer(path, contents);
  const file = new VFile({ path, value: source.text });
  for (const problem of source.problems) report(file, 'error', problem.ruleId, problem.place, problem.message, problem.hint);
  const article: Article = { file, source };
  if (source.problems.some((p) => p.final)) return article;
  // Input no parser should see (too large, nested too deep) is refused before parsing.
  if (!checkLimits(source.text, file)) return article;
  try {
    article.tree = parseMdx(source.text, source.place);
  } catch (cause) {
    const place = placeOf(cause);
    const offset = source.offset(place);
    const start = source.offset({ line: place.line, column: 1 });
    const line = source.text.slice(start).split(/\r?\n|\r/, 1)[0] ?? '';
    const plain = plainMdxError(cause as Error & { ruleId?: string; reason?: string }, source.text[offset] ?? '', line);
    report(file, 'error', NOTICES.mdxSyntax.id, place, plain.message, plain.hint);
  }
  return article;
}

function placeOf(cause: unknown): Place {
  const value = cause as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
  const start = value.place?.start ?? value.place;
  if (start?.line) return { line: start.line, column: start.column ?? 1 };
  if (value.line) return { line: value.line, column: value.column ?? 1 };
  // Some mdast-util-mdx-jsx errors carry their place only in the text: "… (6:1-6:11)".
  const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(cause instanceof Error ? cause.message : '');
  if (inText) return { line: Number(inText[1]), column: Number(inText[2]) };
  return { line: 1, column: 1 };
}

/** A frontmatter block at the start of a file (BOM, CRLF and spaces after a `---` allowed, as Astro reads it); group 1 is the YAML. For tests that blank it. */
export const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Read and parse an explainer from disk. */
export async function loadArticle(path: string, displayPath = path): Promise<Article> {
  return parseArticle(displayPath, await readFile(path));
}
