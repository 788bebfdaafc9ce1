/**
 * Reading the metadata a web page states about itself, in one streaming pass
 * with htmlparser2: `<meta>` tags (citation_*, Dublin Core, Open Graph and
 * plain ones), JSON-LD blocks, `<html lang>` and `<title>`. Nothing here
 * decides which value wins; see source-fields.ts.
 */
import { Parser } from 'htmlparser2';

/** Everything a page says about itself, as written. */
export interface PageMetadata {
  /**
   * `<meta>` values by lowercased name, property or itemprop
   * (`citation_title`, `dc.creator`, `og:site_name`…), in page order.
   * `dcterms.x` is stored as `dc.x`: the two spell the same vocabulary.
   */
  meta: Map<string, string[]>;
  /** Each JSON-LD block that parsed as JSON. */
  jsonLd: unknown[];
  /** `<html lang>`, when given. */
  lang?: string;
  /** The first `<title>` outside an SVG image. */
  title?: string;
}

/** Most JSON-LD text kept per page: metadata is small, and a page may embed megabytes of app state. */
const MAX_JSON_LD = 500_000;

/** Collect the metadata of an HTML page. */
export function readPageMetadata(html: string): PageMetadata {
  const result: PageMetadata = { meta: new Map(), jsonLd: [] };
  let svgDepth = 0;
  let inTitle = false;
  let title: string | undefined;
  let script: string | undefined;
  let jsonLdSize = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'svg') svgDepth++;
        else if (name === 'html' && result.lang === undefined && attribs.lang) result.lang = attribs.lang.trim();
        else if (name === 'title' && svgDepth === 0 && title === undefined) [inTitle, title] = [true, ''];
        else if (name === 'script' && (attribs.type ?? '').trim().toLowerCase() === 'application/ld+json') script = '';
        else if (name === 'meta') {
          const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').trim().toLowerCase().replace(/^dcterms\./, 'dc.');
          const value = attribs.content;
          if (key && value !== undefined) result.meta.set(key, [...(result.meta.get(key) ?? []), value]);
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (script !== undefined && jsonLdSize + script.length < MAX_JSON_LD) script += text;
      },
      onclosetag(name) {
        if (name === 'svg') svgDepth = Math.max(0, svgDepth - 1);
        else if (name === 'title') inTitle = false;
        else if (name === 'script' && script !== undefined) {
          jsonLdSize += script.length;
          try {
            result.jsonLd.push(JSON.parse(script));
          } catch {
            // A broken block says nothing reliable; the other styles still count.
          }
          script = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (title !== undefined) result.title = title;
  return result;
}

/** Article types whose JSON-LD describes the page's own story. */
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'backgroundnewsarticle', 'opinionnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'scholarlyarticle', 'report', 'socialmediaposting', 'techarticle']);

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === 'object' && !Array.isArray(value);

/** Every object in a JSON-LD value: top-level arrays, `@graph` lists and nested values, depth-limited. */
function nodesOf(value: unknown, into: Node[] = [], depth = 0): Node[] {
  if (depth > 8 || into.length > 2000) return into;
  if (Array.isArray(value)) for (const item of value) nodesOf(item, into, depth + 1);
  else if (isNode(value)) {
    into.push(value);
    for (const child of Object.values(value)) if (child && typeof child === 'object') nodesOf(child, into, depth + 1);
  }
  return into;
}

const typesOf = (node: Node) => [node['@type']].flat().filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, '').toLowerCase());

/** What the page's JSON-LD says about its article, references (`{"@id": …}`) resolved within the page. */
export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  publisher?: string;
  datePublished?: string;
  inLanguage?: string;
}

/** The first article node in the page's JSON-LD, or undefined when there is none. */
export function jsonLdArticle(blocks: unknown[]): JsonLdArticle | undefined {
  const nodes = nodesOf(blocks);
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => (isNode(value) && typeof value['@id'] === 'string' && byId.has(value['@id']) ? byId.get(value['@id']) : value);
  const article = nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t)));
  if (!article) return undefined;
  const text = (value: unknown): string | undefined => {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first;
    if (isNode(first) && typeof first['@value'] === 'string') return first['@value'];
    return undefined;
  };
  const nameOf = (value: unknown): string | undefined => {
    const node = resolve(value);
    return typeof node === 'string' ? node : isNode(node) ? text(node.name) : undefined;
  };
  const language = resolve(article.inLanguage);
  return {
    headline: text(article.headline) ?? text(article.name),
    authors: [article.author].flat().map(nameOf).filter((n): n is string => !!n),
    publisher: nameOf([article.publisher].flat()[0]),
    datePublished: text(article.datePublished),
    inLanguage: typeof language === 'string' ? language : isNode(language) ? text(language.alternateName) ?? text(language.name) : undefined,
  };
}
