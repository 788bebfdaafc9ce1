/**
 * `dialect`: an explainer is content, not code. Markdown, the site's content
 * components (src/schema/dialect.ts) and a few plain HTML elements are
 * allowed; imports, exports, JavaScript expressions, unknown components,
 * other HTML, attributes that hide or style, footnotes and images from
 * outside the site are refused, each with what to write instead.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { ABBR_TITLE_MAX, abbrTitleFits, CONTENT_COMPONENTS, INSTEAD, isLinkTarget, isSiteImage, RESERVED_ID, webAddressWithoutScheme, WRITER_HTML } from '../../schema/dialect.ts';
import { closest } from '../../schema/suggest.ts';
import type { Place } from '../../schema/place.ts';
import { layoutProblems, type Layout } from './dialect-layout.ts';
import { defineRule } from './types.ts';

type Report = (place: Place, message: string, hint: string) => void;
type Jsx = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

const placeOf = (node: { position?: { start: { line: number; column: number } } }): Place => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

const COMPONENTS = Object.keys(CONTENT_COMPONENTS);
const IMAGE_HINT = 'put the image in public/ (e.g. public/images/map.png) and write ![what it shows](/images/map.png)';

/** True for `{/* a note to editors *\/}`: an expression with nothing but comments. */
function commentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null } }): boolean {
  const estree = node.data?.estree;
  return estree ? estree.body.length === 0 : /^\s*\/\*(?:[^*]|\*(?!\/))*\*\/\s*$/.test(node.value);
}

function element(node: Jsx, inParagraph: boolean, report: Report): void {
  const name = node.name;
  const at = placeOf(node);
  if (name === null) {
    report(at, 'Empty tags `<>` … `</>` are not used in explainers', 'remove `<>` and `</>` and keep what is between them');
    return;
  }
  if (Object.hasOwn(CONTENT_COMPONENTS, name)) {
    if (inParagraph) report(at, `<${name}> must stand on its own lines, not inside a sentence`, `put <${name}> on a line of its own, with a blank line before it, and </${name}> on a line of its own after it`);
    for (const attribute of node.attributes) report(placeOf(attribute), `<${name}> takes no settings`, `write <${name}> alone, then the text, then </${name}>`);
    return;
  }
  const allowed = WRITER_HTML[name];
  if (!allowed) {
    // `<analysis>` in lower case is the component mistyped, not an HTML tag.
    const lower = COMPONENTS.find((c) => c.toLowerCase() === name.toLowerCase());
    const component = lower ?? (/^[A-Z]/.test(name) || name.includes('.') ? closest(name.replace(/\..*$/, ''), COMPONENTS) : undefined);
    if (component || /^[A-Z]/.test(name)) {
      report(at, `<${name}> is not a component explainers can use`, component ? `did you mean <${component}>?` : `explainers can use ${COMPONENTS.map((c) => `<${c}>`).join(', ')}`);
    } else {
      report(at, `The HTML tag <${name}> is not allowed in explainers`, INSTEAD[name.toLowerCase()] ?? 'write it in Markdown, or remove the tag and keep its text');
    }
    return;
  }
  for (const attribute of node.attributes) attributeOf(name, attribute, allowed, report);
}

function attributeOf(name: string, attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, allowed: readonly string[], report: Report): void {
  const at = placeOf(attribute);
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    report(at, `<${name}> has settings written as code ({…})`, 'write each setting as name="text"');
    return;
  }
  if (!allowed.includes(attribute.name)) {
    const what = allowed.length ? `it may have ${allowed.map((a) => `${a}="…"`).join(', ')}` : 'remove it';
    report(at, `<${name}> cannot have \`${attribute.name}\` in an explainer`, what);
    return;
  }
  if (typeof attribute.value !== 'string') {
    report(at, `\`${attribute.name}\` of <${name}> is ${attribute.value === null ? 'empty' : 'written as code ({…})'}`, `write it as ${attribute.name}="text"`);
    return;
  }
  if (name === 'img' && attribute.name === 'src' && !isSiteImage(attribute.value)) {
    report(at, 'Image is not a file of this site', IMAGE_HINT);
  }
  if (name === 'abbr' && attribute.name === 'title' && !abbrTitleFits(attribute.value)) {
    report(at, `The title of <abbr> is longer than ${ABBR_TITLE_MAX} characters`, 'a title only spells out the abbreviation; write anything more in the text, with its citation');
  }
}

/** `[words] (https://…)`: a link with a space before its address, which readers see as brackets and an address. */
const SPACED_LINK = /\[([^\]\n]+)\][ \t]+\(((?:https?:\/\/|www\.|\/)[^)\s]*)\)/;

/** Read from the paragraph's source: the address inside may already be a link of its own (GFM autolinks). */
function spacedLink(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, source: string, place: (offset: number) => Place, report: Report): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const found = SPACED_LINK.exec(source.slice(start, end));
  if (!found) return;
  report(place(start + found.index), 'A link has a space between ] and (, so readers see the brackets and the address', `write [${found[1]}](${found[2]}) with nothing between ] and (`);
}

/** The rule: every node of the tree, Analysis included, is held to the dialect. */
export const dialect = defineRule({
  id: 'dialect',
  severity: 'error',
  fixed: true,
  docs: 'something an explainer may not contain (see "What an explainer may contain"); no setting can change this rule',
  hint: 'write Markdown, <Analysis> and the few HTML elements the README lists',
  check: ({ article, report }) => {
    const tree = article.tree;
    if (!tree) return;
    const source = String(article.file.value);
    const visit = (node: Nodes, inParagraph: boolean, layout: Layout): void => {
      layoutProblems(node, layout, report);
      switch (node.type) {
        case 'mdxjsEsm':
          report(placeOf(node), 'Explainers cannot import or export code', 'remove this line: write the text itself here, and use <Analysis> for the site\'s own interpretation');
          return;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!commentOnly(node)) {
            report(placeOf(node), 'Curly braces { } run code in an explainer', 'to show a brace, type \\{ or \\}; for a note to editors that readers do not see, write {/* note */}');
          }
          return;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          element(node, inParagraph, report);
          break;
        case 'footnoteDefinition':
        case 'footnoteReference':
          report(placeOf(node), 'Footnotes are not used in explainers', 'cite sources with [@id], and put explanations in the text or in <Analysis>');
          return;
        case 'image':
          if (!isSiteImage(node.url)) report(placeOf(node), 'Image is not a file of this site', IMAGE_HINT);
          if (node.title) report(placeOf(node), 'Image has a title (a tooltip most readers never see)', 'remove the "…" after the address; put those words in the caption');
          break;
        case 'link':
        case 'definition':
          if (node.title) report(placeOf(node), 'Link has a title (a tooltip most readers never see)', 'remove the "…" after the address; put those words in the text');
          if (!isLinkTarget(node.url)) {
            const full = webAddressWithoutScheme(node.url);
            report(placeOf(node), `Link goes to "${node.url}", which is not a web page`, full ? `write the whole address: ${full}` : 'link to a page starting with https://, or to a page of this site starting with /');
          }
          break;
        case 'paragraph':
          spacedLink(node, source, article.source.place, report);
          break;
        case 'table':
          if (node.children.length < 2) report(placeOf(node), 'Table has a header row but no rows under it', 'add the rows (each cites its source), or write the words as a paragraph');
          break;
        case 'heading': {
          // `Text` over a line of --- or === is a heading too: a writer meaning a dividing line
          // turns the paragraph above into a heading, which needs no citation.
          if (!/^\s{0,3}#/.test(source.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 8))) {
            report(placeOf(node), 'A line of --- or === right under text turns that text into a heading', 'for a dividing line, leave a blank line above the ---; for a heading, write ## Heading');
          }
          const id = slug(toString(node));
          if (RESERVED_ID.test(id)) report(placeOf(node), `The heading's address #${id} is one the site uses for citations and sources`, 'reword the heading, e.g. so it does not start with "Source" or "Cite"');
          break;
        }
        default:
      }
      if (!('children' in node)) return;
      const name = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? node.name : undefined;
      const inner = { subs: layout.subs + (name === 'sub' ? 1 : 0) };
      for (const child of node.children) visit(child as Nodes, inParagraph || node.type === 'paragraph', inner);
    };
    visit(tree, false, { subs: 0 });
  },
});
