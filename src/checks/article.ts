/**
 * Reading one explainer into what every check needs: the text, the mdast
 * tree of the whole file (so positions are real file positions), and the
 * frontmatter as both a YAML document (for field positions) and plain data.
 *
 * Bad input never throws: undecodable bytes, broken YAML and broken MDX
 * become messages on the returned VFile.
 */
import { readFile } from 'node:fs/promises';
import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { loadYaml } from '../schema/yaml.ts';
import { checkLimits } from './limits.ts';
import { fillPositions } from './positions.ts';
import { report, type Place } from './report.ts';
import { remarkUnravelJsx } from './unravel.ts';

/** One explainer, parsed once for all rules. */
export interface Article {
  /** Messages are collected here; `file.path` is the path shown to writers. */
  file: VFile;
  /** The mdast tree; undefined when the MDX could not be parsed. */
  tree?: Root;
  /**
   * The YAML frontmatter as a document with positions, built on first use:
   * only articles with something to report pay for it. Undefined when the
   * file has no readable frontmatter.
   */
  yaml?: () => LocatedYaml;
  /** Frontmatter as plain data (before schema validation), read as Astro reads it. */
  frontmatter?: unknown;
}

/** A YAML document whose offsets map back to file positions. */
export interface LocatedYaml {
  doc: Document;
  /** Maps a YAML offset to a file position. */
  place: (offset: number) => Place;
}

// remarkUnravelJsx: MDX's compiler unravels JSX-only paragraphs before any plugin runs; so do we.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkUnravelJsx);

/** Parse MDX text into an mdast tree with the exact parser the checks use; every node has a position. */
export function parseMdx(text: string): Root {
  const tree = parser.runSync(parser.parse(text)) as Root;
  fillPositions(tree, text);
  return tree;
}

/** Decode bytes as UTF-8, refusing bytes that are not (rather than guessing). */
function decode(bytes: Uint8Array, file: VFile): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let bad = 0;
    while (bad < bytes.length) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bad + 1), { stream: true });
        bad++;
      } catch {
        break;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    report(file, 'error', 'encoding', { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 },
      'File is not valid UTF-8 text', 'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)');
    return undefined;
  }
}

/**
 * Parse an explainer from its contents. `path` is only used in messages.
 */
export function parseArticle(path: string, contents: string | Uint8Array): Article {
  const file = new VFile({ path });
  const text = typeof contents === 'string' ? contents.replace(/^\uFEFF/, '') : decode(contents, file);
  if (text === undefined) return { file };
  file.value = text;
  if (text.trim() === '') {
    report(file, 'error', 'empty-file', { line: 1, column: 1 }, 'File is empty', 'start from `npm run new -- "Title"` or copy an existing explainer');
    return { file };
  }
  // Input no parser should see (too large, nested too deep) is refused before parsing.
  if (!checkLimits(text, file)) return { file };
  let tree: Root;
  try {
    tree = parseMdx(text);
  } catch (cause) {
    const place = placeOf(cause);
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '').replace(/\s+/g, ' ');
    report(file, 'error', 'mdx-syntax', place, `MDX cannot be parsed: ${reason}`, 'close every <Tag> you open and escape a literal { or < with a backslash');
    return { file };
  }
  const article: Article = { file, tree };
  const first = tree.children[0];
  if (first?.type !== 'yaml') {
    report(file, 'error', 'invalid-frontmatter', { line: 1, column: 1 }, 'File has no frontmatter', 'start the file with a `---` block holding title, summary, published, authors and sources');
    return article;
  }
  const astroEnd = astroFrontmatterEnd(text, first);
  if (astroEnd !== undefined) {
    report(file, 'error', 'invalid-frontmatter', { line: astroEnd, column: 1 },
      `The frontmatter ends here for the site, but on line ${first.position?.end.line ?? 1} for the checks: the lines between would be published unchecked`,
      'no line inside the frontmatter may start with --- or +++: put such a value in quotes on one line, e.g. summary: "--- like this"');
    return { file };
  }
  readYaml(article, first);
  return article;
}

/**
 * Astro splits the frontmatter off with its own regex (a line starting with
 * `---` or `+++` ends it, even mid-value); remark-frontmatter needs a line of
 * exactly `---`. Where they differ, text the checks take for frontmatter would
 * be published as body text, unchecked: such a file is refused. Returns the
 * line where Astro's frontmatter ends when it differs, else undefined.
 */
function astroFrontmatterEnd(text: string, node: Yaml): number | undefined {
  const astro = extractFrontmatter(text) ?? '';
  if (astro.replace(/^\r?\n/, '').replace(/\r?\n$/, '') === node.value) return undefined;
  // Line 1 is the opening `---`; the raw block starts with its line break.
  return 1 + (astro.match(/\n/g)?.length ?? 0);
}

function readYaml(article: Article, node: Yaml): void {
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  try {
    // js-yaml is what Astro parses frontmatter with, and it is several times
    // faster than a position-keeping parse, which is only needed for messages.
    article.frontmatter = loadYaml(node.value);
  } catch (error) {
    const mark = (error as YAMLException).mark;
    const reason = ((error as YAMLException).reason ?? String(error)).replace(/\s+/g, ' ');
    report(article.file, 'error', 'invalid-frontmatter', { line: firstLine + (mark?.line ?? 0), column: (mark?.column ?? 0) + 1 },
      `Frontmatter is not valid YAML: ${reason}`, 'check indentation and quote values that contain a colon, e.g. title: "Talks: what next"');
    return;
  }
  let located: LocatedYaml | undefined;
  article.yaml = () => {
    if (located) return located;
    const lineCounter = new LineCounter();
    const doc = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const place = (offset: number): Place => {
      const { line, col } = lineCounter.linePos(offset);
      return { line: firstLine + line - 1, column: col };
    };
    return (located = { doc, place });
  };
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

/** A frontmatter block at the start of a file (BOM and CRLF allowed); group 1 is the YAML. */
export const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Read and parse an explainer from disk. */
export async function loadArticle(path: string, displayPath = path): Promise<Article> {
  return parseArticle(displayPath, await readFile(path));
}
