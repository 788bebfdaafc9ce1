/**
 * The three readers of an explainer, as the differential tests drive them: the checker (remark,
 * src/checks/), the renderer (Sätteri, with the site's plugins and features, as Astro runs it) and the
 * published-page gate (src/published/verify.ts over the page the renderer makes).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
import { defineHastPlugin, mdxToJs, mdxToMdast, type Data } from 'satteri';
import { summarize, type BodySummary, type ClaimBlock } from '../../src/checks/analyze.ts';
import { FRONTMATTER, parseArticle, parseMdx } from '../../src/checks/article.ts';
import { severityOf } from '../../src/checks/report.ts';
import { checkArticle } from '../../src/checks/run.ts';
import type { CitationData } from '../../src/citations/markers.ts';
import { parseCitations } from '../../src/citations/parse.ts';
import { satteriCitations } from '../../src/citations/satteri-citations.ts';
import { verifyPage } from '../../src/published/verify.ts';
import type { Source } from '../../src/schema/explainer.ts';
import { loadYaml } from '../../src/schema/yaml.ts';
import { numberSources } from '../../src/site/sources.ts';
import { satteriTableAlign } from '../../src/site/table-align.ts';
import { IMAGE_ALTS } from './generate-explainer.ts';

/** The Analysis mark the rendered pages carry (a real build makes a new one each time). */
export const MARK = 'test-analysis-mark';
const NOW = new Date('2026-01-15');

/** One reader's view of a document: each claim as `kind, cited?: text`, and the ids cited, in order. */
export type Reading = { claims: string[]; uses: string[] };

/**
 * The text a claim covers (nodes inside its source range) in reading order, inline code included
 * (as the page gate reads it); table cells and hard-broken lines are apart.
 */
function claimText(tree: Root, claim: ClaimBlock): string {
  const [[from, to]] = claim.ranges as [[number, number]];
  let text = '';
  const visit = (node: Nodes): void => {
    const [start, end] = [node.position?.start.offset ?? -1, node.position?.end.offset ?? -1];
    if (end < from || start > to) return;
    if (node.type === 'break' || node.type === 'tableCell') text += ' ';
    if (node.type === 'text' || node.type === 'inlineCode') text += start >= from && end <= to ? node.value : '';
    else if ('children' in node && !['code', 'yaml', 'mdxFlowExpression', 'mdxTextExpression'].includes(node.type)) node.children.forEach((c) => visit(c as Nodes));
  };
  visit(tree);
  return text;
}

export const spaces = (text: string) => text.replace(/\s+/g, ' ').trim();
/**
 * Only what the HTML and the tree certainly share: letters and digits, no citations, no image
 * descriptions (the page gate reads an alt only when its block has no text yet, whitespace
 * included, which the tree cannot tell), the first 80 characters (the gate keeps about 400).
 */
export const words = (text: string) => {
  for (const g of parseCitations(text).groups.reverse()) text = text.slice(0, g.start) + ' ' + text.slice(g.end);
  for (const alt of IMAGE_ALTS) text = text.replaceAll(alt, ' ');
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, 80).trim();
};

function reading(tree: Root, text: string): Reading & { summary: BodySummary } {
  const summary = summarize(tree, text);
  const claims = summary.claims.map((c) => `${c.kind}, ${c.cited ? 'cited' : 'UNCITED'}: ${spaces(claimText(tree, c))}`);
  return { summary, claims, uses: summary.uses.map((u) => u.id) };
}

/** Astro hands Sätteri the body only: blank the frontmatter so offsets and lines still match. */
const blank = (text: string) => text.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ' '));

export type Outcome<T> = { ok: T } | { error: string };
export function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: spaces(error instanceof Error ? error.message : String(error)).slice(0, 160) };
  }
}

export const remarkReading = (text: string) => attempt(() => ((tree) => ({ tree, ...reading(tree, text) }))(parseMdx(text)));
export const satteriReading = (text: string) => attempt(() => reading(mdxToMdast(blank(text)) as Root, text));

const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

/**
 * MDX nodes as the compiled component renders them: comments as nothing, lowercase JSX as HTML, and
 * `<Analysis>` as Analysis.astro's box (its two empty id spans left out).
 */
function resolveJsx(nodes: readonly RootContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    const mdx = node as unknown as { type: string; name?: string; attributes?: Array<{ name: string; value: unknown }>; children?: RootContent[] };
    if (['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'].includes(mdx.type)) return [];
    const children = resolveJsx(mdx.children ?? []);
    if (mdx.type !== 'mdxJsxFlowElement' && mdx.type !== 'mdxJsxTextElement') return 'children' in node ? [{ ...(node as Element), children }] : [node as ElementContent];
    if (mdx.name !== 'Analysis') return [element(mdx.name ?? 'div', Object.fromEntries((mdx.attributes ?? []).map((a) => [a.name, String(a.value ?? '')])), children)];
    const label = element('p', { className: ['analysis__label'], ariaHidden: 'true' }, [{ type: 'text', value: 'Analysis' }]);
    return [element('aside', { className: ['analysis'], ariaLabel: 'Analysis', dataAnalysis: MARK }, [label, ...children])];
  });
}

/** The sources in a document's frontmatter, as the Sources list shows them. */
function sourcesOf(text: string): Source[] {
  const block = FRONTMATTER.exec(text)?.[1];
  const data = (block ? loadYaml(block) : {}) as { sources?: Source[] };
  return Array.isArray(data.sources) ? data.sources : [];
}

/** The published page for `text`: Sätteri with the site's plugins and features, in the page structure verifyPage reads. */
export function renderPage(text: string): string {
  const sources = sourcesOf(text);
  const data = { astro: { frontmatter: { sources } } };
  let hast: HastRoot | undefined;
  // The last hast plugin sees the tree MDX compiles to JavaScript; a JSON copy outlives the compile.
  const capture = defineHastPlugin({ name: 'test:capture', after: (root) => void (hast = JSON.parse(JSON.stringify(root)) as HastRoot) });
  // The options Astro's Sätteri MDX processor passes (node_modules/@astrojs/markdown-satteri/dist/mdx).
  const features = { gfm: true, smartPunctuation: true };
  mdxToJs(blank(text), { mdastPlugins: [satteriCitations()], hastPlugins: [satteriTableAlign(), capture], features, jsxImportSource: 'astro', elementAttributeNameCase: 'html', data: data as unknown as Data });
  const body = toHtml({ type: 'root', children: resolveJsx(hast?.children ?? []) });
  // As SourcesList.astro numbers them (src/site/sources.ts): by first citation, then the uncited unnumbered.
  const order = (data.astro.frontmatter as { citations?: CitationData }).citations?.order ?? [];
  const entries = numberSources(sources, { order, uses: {} }).map(({ source, number, anchor }) =>
    `<li id="${anchor}" class="source"><span class="source__number" aria-hidden="true">${number ?? '–'}</span><div class="source__body"><p class="source__title"><a class="source__link" href="${source.url}">${source.title}</a></p></div></li>`);
  return `<article class="article"><div class="prose">${body}</div><section class="sources"><h2 id="sources-heading">Sources</h2><ol class="sources__list">${entries.join('')}</ol></section></article>`;
}


/** How remark and Sätteri differ on a document ('' when they read it alike). */
export function parsersDiffer(text: string): string {
  const remark = remarkReading(text);
  const satteri = satteriReading(text);
  if ('error' in remark || 'error' in satteri) return 'error' in remark === 'error' in satteri ? '' : `only ${'error' in remark ? 'remark' : 'Sätteri'} refuses it`;
  const cited = (r: Reading) => r.claims.map((c) => c.replace(/:.*/s, ''));
  if (JSON.stringify(cited(remark.ok)) !== JSON.stringify(cited(satteri.ok))) return 'claims or their citing differ';
  if (JSON.stringify(remark.ok.uses) !== JSON.stringify(satteri.ok.uses)) return 'citations differ';
  // Markup characters inside link text come out differently (micromark and Sätteri), both cited alike.
  const texts = (r: Reading) => r.claims.map((c) => c.replace(/[*_~]/g, ''));
  return JSON.stringify(texts(remark.ok)) === JSON.stringify(texts(satteri.ok)) ? '' : 'claim texts differ';
}

/** True when the build would refuse the document: an error from the checks, or any problem on its page. */
export function refused(text: string): boolean {
  const { file } = checkArticle(parseArticle('generated.mdx', text), { now: NOW });
  if (file.messages.some((m) => severityOf(m) === 'error')) return true;
  const page = attempt(() => renderPage(text));
  return 'error' in page || verifyPage(page.ok, { analysisMark: MARK }).length > 0;
}

/** (b)'s two lists: normalised texts of the checker's uncited claims and of the page's uncited blocks. */
export function uncited(text: string): { checker: string[]; page: string[]; html: string } | undefined {
  const remark = remarkReading(text);
  const page = attempt(() => renderPage(text));
  // A document either reader refuses never reaches a page; (a) reports one-sided refusals.
  if ('error' in remark || 'error' in page) return undefined;
  // Outside the dialect (inline <Analysis>, raw HTML…) the writer is told that first, in plain words;
  // an unknown id renders as a visible gap, no marker, and is reported as unknown-source.
  // So is a file whose frontmatter cannot be found (a `—` for `---`, a blank line before it): refused before any claim is read.
  const article = parseArticle('generated.mdx', text);
  if (article.source.problems.some((p) => p.final)) return undefined;
  const { file } = checkArticle(article, { now: NOW });
  if (file.messages.some((m) => m.ruleId === 'dialect' || m.ruleId === 'limits' || m.ruleId === 'unknown-source')) return undefined;
  const checker = remark.ok.summary.claims.filter((c) => !c.cited).map((c) => words(claimText(remark.ok.tree, c)));
  const problems = verifyPage(page.ok, { analysisMark: MARK }).filter((p) => p.ruleId === 'page-uncited-claim');
  return { checker: checker.sort(), page: problems.map((p) => words(p.text ?? '')).sort(), html: page.ok };
}

