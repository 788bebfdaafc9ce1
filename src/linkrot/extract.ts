/**
 * The input of the link-rot check: every source `url` and `archived` URL in
 * every explainer's frontmatter, plus external links in article bodies,
 * deduplicated by URL key (`normalizeUrl`) and mapped to who cites them.
 */
import { glob, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { loadArticle, type Article } from '../checks/article.ts';
import { explainerSchema, isHttpUrl } from '../schema/explainer.ts';
import { normalizeUrl, parseHttpUrl } from '../schema/url.ts';

/** One place that cites a URL. */
export interface Citation {
  /** The explainer file, relative to the working folder, e.g. `content/explainers/x.mdx`. */
  article: string;
  /** Line of the URL in that file, when known. */
  line?: number;
  /** `url` and `archived` come from a source in frontmatter; `body` is a link in the text. */
  field: 'url' | 'archived' | 'body';
  /** The source id (frontmatter only). */
  sourceId?: string;
  /** The URL exactly as written. */
  written: string;
  /** The source's quote, to look for on the page (`url` field only). */
  quote?: string;
  /** When the writer last checked the page, `YYYY-MM-DD`. */
  accessed?: string;
  /** The source's archived copy, if it has one. */
  archived?: string;
}

/** One source URL to check and everyone who cites it. */
export interface Target {
  /** The URL key (`normalizeUrl`): the key in the state file. */
  key: string;
  /** The URL requested: the first spelling cited, without fragment or credentials. */
  url: string;
  citations: Citation[];
}

/** Targets plus anything that could not be read. */
export interface Extraction {
  targets: Target[];
  /** Files read. */
  articles: number;
  /** Human-readable warnings, e.g. a file whose frontmatter could not be read. */
  warnings: string[];
}

const isoDay = (value: unknown): string | undefined =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

interface LooseSource {
  id?: unknown;
  url?: unknown;
  archived?: unknown;
  quote?: unknown;
  accessed?: unknown;
}

function sourcesOf(article: Article, warnings: string[], file: string): LooseSource[] {
  const { data } = article.source.validated();
  if (data) return data.sources;
  // Still check what can be read: a typo elsewhere must not hide a dead source.
  const raw = (article.source.data as { sources?: unknown } | undefined)?.sources;
  if (article.source.data !== undefined) warnings.push(`${file}: frontmatter does not pass the schema (run the citation check); its sources were read as far as possible.`);
  return Array.isArray(raw) ? raw.filter((item): item is LooseSource => typeof item === 'object' && item !== null) : [];
}

function lineOf(article: Article, path: (string | number)[]): number | undefined {
  // The located YAML is built lazily by the checker's parser; only ask when needed.
  const located = article.source.yaml();
  const node = located?.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? located?.place(node.range[0]).line : undefined;
}

function bodyLinks(tree: Root | undefined): { url: string; line?: number }[] {
  if (!tree) return [];
  const links: { url: string; line?: number }[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if ((node.type === 'link' || node.type === 'definition') && 'url' in node && typeof node.url === 'string') links.push({ url: node.url, ...(line ? { line } : {}) });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && 'attributes' in node && Array.isArray(node.attributes)) {
      for (const attribute of node.attributes as { type: string; name?: string; value?: unknown }[]) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'href' || attribute.name === 'src') && typeof attribute.value === 'string') {
          links.push({ url: attribute.value, ...(line ? { line } : {}) });
        }
      }
    }
  });
  return links;
}

/** Every `.mdx` file under `dir`, sorted. */
async function mdxFiles(dir: string): Promise<string[]> {
  // glob finds nothing in a folder that is not there: say so instead.
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a folder, ${dir}`), { code: 'ENOTDIR' });
  const files: string[] = [];
  for await (const entry of glob('**/*.mdx', { cwd: dir, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  return files.sort();
}

/**
 * Collect the URLs cited by the explainers in `contentDir`. Links to `site`
 * (the site's own address) are internal and left to the build's link check.
 */
export async function collectTargets(contentDir: string, options: { site?: string; cwd?: string } = {}): Promise<Extraction> {
  const cwd = options.cwd ?? process.cwd();
  const ownHost = options.site && isHttpUrl(options.site) ? new URL(options.site).hostname : undefined;
  const byKey = new Map<string, Target>();
  const warnings: string[] = [];
  const add = (written: unknown, citation: Omit<Citation, 'written'>) => {
    const request = typeof written === 'string' && isHttpUrl(written.trim()) ? parseHttpUrl(written) : undefined;
    if (!request || (ownHost && request.hostname === ownHost)) return;
    const key = normalizeUrl(request.href);
    let target = byKey.get(key);
    if (!target) {
      request.hash = '';
      request.username = '';
      request.password = '';
      byKey.set(key, (target = { key, url: request.href, citations: [] }));
    }
    target.citations.push({ ...citation, written: (written as string).trim() });
  };
  const files = await mdxFiles(contentDir);
  for (const path of files) {
    const file = relative(cwd, path) || path;
    const article = await loadArticle(path, file);
    sourcesOf(article, warnings, file).forEach((source, index) => {
      const sourceId = typeof source.id === 'string' ? source.id : undefined;
      const common = { article: file, ...(sourceId ? { sourceId } : {}) };
      const accessed = isoDay(source.accessed);
      const archived = typeof source.archived === 'string' ? source.archived.trim() : undefined;
      const quote = typeof source.quote === 'string' && source.quote.trim() !== '' ? source.quote.trim() : undefined;
      const urlLine = lineOf(article, ['sources', index, 'url']);
      add(source.url, { ...common, field: 'url', ...(urlLine ? { line: urlLine } : {}), ...(quote ? { quote } : {}), ...(accessed ? { accessed } : {}), ...(archived ? { archived } : {}) });
      const archivedLine = lineOf(article, ['sources', index, 'archived']);
      add(source.archived, { ...common, field: 'archived', ...(archivedLine ? { line: archivedLine } : {}) });
    });
    for (const link of bodyLinks(article.tree)) add(link.url, { article: file, field: 'body', ...(link.line ? { line: link.line } : {}) });
  }
  return { targets: [...byKey.values()], articles: files.length, warnings };
}
