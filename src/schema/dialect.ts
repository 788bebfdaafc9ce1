/**
 * The explainer dialect: what an explainer may contain beyond Markdown.
 *
 * MDX can run JavaScript at build time; an explainer should not. So an
 * explainer is Markdown plus the site's content components (one entry each
 * below) plus a few plain HTML elements that carry no behaviour and hide
 * nothing. The checker's `dialect` rule refuses everything else with a hint
 * from `INSTEAD`; the published-page gate accepts the same writer HTML.
 */

/** A content component writers may use without an import. */
export interface ContentComponent {
  /** What it is for, in the words a writer reads in error messages. */
  purpose: string;
}

/**
 * The site's content components, by the name writers type. Adding a component
 * is one entry here plus its `.astro` file, passed to `<Content components>` in
 * src/pages/explainers/[...slug].astro (a test holds the two lists equal).
 */
export const CONTENT_COMPONENTS: Readonly<Record<string, ContentComponent>> = {
  Analysis: { purpose: "the site's own interpretation, labelled for readers and exempt from citations" },
};

/**
 * Plain HTML elements a writer may type, with the attributes each may carry
 * (plain quoted text only). Nothing here can hide text, run code or look like
 * a citation marker (so no `sup`, `class`, `id`, `style` or `hidden`).
 */
export const WRITER_HTML: Readonly<Record<string, readonly string[]>> = {
  figure: [],
  figcaption: [],
  img: ['src', 'alt', 'width', 'height'],
  abbr: ['title'],
  sub: [],
  br: [],
};

/**
 * The longest `title` of an `<abbr>`: room for a spelled-out name ("International Atomic Energy
 * Agency"), not for a sentence. A tooltip is text readers see, inside a block whose citation covers
 * only the visible words, so a longer one could carry an uncited claim.
 */
export const ABBR_TITLE_MAX = 60;

/** Whether a writer's `<abbr title="…">` is short enough to be a name, not a claim. */
export function abbrTitleFits(value: string): boolean {
  return value.trim().length <= ABBR_TITLE_MAX;
}

const REMOVE_TAG = 'remove the tag and keep its text';
const SHOWN = 'everything in an explainer is shown to readers: write it as ordinary text, or leave it out';
const NO_CODE = 'explainers cannot embed code, styles or other pages';

/** What to write instead of an HTML element that explainers do not allow. */
export const INSTEAD: Readonly<Record<string, string>> = {
  p: 'write a plain paragraph: leave a blank line before and after it',
  div: REMOVE_TAG,
  span: REMOVE_TAG,
  section: REMOVE_TAG,
  article: REMOVE_TAG,
  aside: 'for the site\'s own interpretation use <Analysis> … </Analysis>',
  strong: 'write **bold text**',
  b: 'write **bold text**',
  em: 'write *italic text*',
  i: 'write *italic text*',
  a: 'write a link as [link text](https://…)',
  ul: 'write a list as lines starting with "- "',
  ol: 'write a numbered list as lines starting with "1. "',
  li: 'write a list as lines starting with "- "',
  dl: 'write a list as lines starting with "- "',
  dt: 'write a list as lines starting with "- "',
  dd: 'write a list as lines starting with "- "',
  table: 'write a Markdown table: | Column | Column | (see the README)',
  tr: 'write a Markdown table: | Column | Column | (see the README)',
  td: 'write a Markdown table: | Column | Column | (see the README)',
  th: 'write a Markdown table: | Column | Column | (see the README)',
  blockquote: 'start each quoted line with "> "',
  h1: 'write a heading as "## Heading"',
  h2: 'write a heading as "## Heading"',
  h3: 'write a heading as "### Heading"',
  code: 'write code between backticks: `code`',
  pre: 'put code between lines of three backticks (```)',
  sup: 'citations are written [@id]; for other superscripts type the character (² ³)',
  hr: 'write a line of three dashes: ---',
  details: SHOWN,
  summary: SHOWN,
  template: SHOWN,
  noscript: SHOWN,
  dialog: SHOWN,
  script: NO_CODE,
  style: NO_CODE,
  iframe: NO_CODE,
  object: NO_CODE,
  embed: NO_CODE,
  svg: 'save the graphic as a file in public/ and show it with ![description](/file.svg)',
};

/**
 * True when `src` points at a file of this site (`/images/map.png`, `map.png`):
 * the CSP allows images from the site only, and a `data:` image could carry
 * text no check reads.
 */
export function isSiteImage(src: string): boolean {
  const value = src.trim();
  if (value === '' || value.startsWith('//') || value.startsWith('\\')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

/** Link targets text may use: web pages, mail addresses, pages of this site. Never `javascript:` or `data:`. */
export function isLinkTarget(href: string): boolean {
  const value = href.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return !value.startsWith('//') && !webAddressWithoutScheme(value);
  return /^(?:https?|mailto):/i.test(value);
}

/**
 * A web address typed without `https://` (`www.reuters.com/x`, `reuters.com/world/x`): as a link
 * it would be a page of this site that does not exist. The address with `https://`, else undefined.
 */
export function webAddressWithoutScheme(href: string): string | undefined {
  const value = href.trim();
  return /^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i.test(value) ? `https://${value}` : undefined;
}

/**
 * Element ids the page gives citations, sources, back-links and its own
 * sections (every id an explainer page has besides the headings'). A heading
 * whose words make one of these (a heading "Source A" gets id="source-a") would
 * pose as that element, so the checks refuse it.
 */
export const RESERVED_ID = /^(?:source-|cite-|back-|analysis-block-)|^(?:sources-heading|cite-heading|corrections-heading|site-search-q|sources|main)$/;

/** Ids of a source's entry, a citation and a back-link: only citation markers and the Sources list link to them. */
export const CITATION_ANCHOR = /^(?:source-|cite-|back-)/;

/**
 * True when a link goes to a source's entry, a citation or a back-link (`#source-b`,
 * `/explainers/x/#cite-b-1`): made by hand, it looks like a citation but cites nothing.
 */
export function isCitationAnchorLink(href: string): boolean {
  const hash = href.indexOf('#');
  if (hash === -1) return false;
  let fragment = href.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A malformed escape: judge the fragment as written.
  }
  return CITATION_ANCHOR.test(fragment);
}
