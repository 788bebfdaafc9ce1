/**
 * JSON-LD `NewsArticle` for an explainer, with a `citation` entry per source,
 * and a serialiser that is safe inside `<script type="application/ld+json">`.
 * Text from frontmatter is typeset (curly quotes, dashes) as on the page.
 */
import type { Explainer, Source } from '../schema/explainer.ts';
import { isoDate } from './format.ts';
import { absoluteUrl, articlePath } from './paths.ts';
import { SITE_LANG, SITE_NAME } from './site-info.ts';
import { LOGO, socialImage } from './social.ts';
import { typeset } from './typography.ts';

/** A JSON-LD node: plain JSON data. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonLd;

/**
 * Schema.org wants a Person or an Organization as author; the frontmatter has
 * only names. Desk and team bylines ("Explainers desk") are organisations.
 */
export function agent(name: string): JsonLd {
  const organisation = /\b(desk|staff|team|editors?|newsroom|bureau|agency|ministry|office|department|government)\b/i.test(name);
  return { '@type': organisation ? 'Organization' : 'Person', name };
}

/** schema.org type for a cited source, from its `type` label. */
const CITATION_TYPES: Record<NonNullable<Source['type']>, string> = {
  primary: 'DigitalDocument',
  official: 'CreativeWork',
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  reference: 'CreativeWork',
};

/** Authors of a source: people with their name parts when the writer gave them, else the byline as written. */
function sourceAuthors(source: Source): JsonLd | JsonLd[] | undefined {
  if (source.authorNames) {
    return source.authorNames.map(({ family, given }) => ({
      '@type': 'Person',
      name: given ? `${given} ${family}` : family,
      familyName: family,
      ...(given ? { givenName: given } : {}),
    }));
  }
  return source.author ? agent(source.author) : undefined;
}

/** One cited source as a schema.org CreativeWork. */
export function citationLd(source: Source): JsonLd {
  const author = sourceAuthors(source);
  return {
    '@type': source.type ? CITATION_TYPES[source.type] : 'CreativeWork',
    name: typeset(source.title),
    url: source.url,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(author ? { author } : {}),
    ...(source.published ? { datePublished: isoDate(source.published) } : {}),
    ...(source.archived ? { archivedAt: source.archived } : {}),
  };
}

/** The `NewsArticle` node of an explainer page. */
export function newsArticleLd(entry: { id: string; data: Explainer }, site: URL | string): JsonLd {
  const { data } = entry;
  const url = absoluteUrl(articlePath(entry.id), site);
  const image = socialImage(data, site);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: typeset(data.title),
    description: typeset(data.summary),
    url,
    image: imageObject(image.url, image.width, image.height),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: SITE_LANG,
    datePublished: isoDate(data.published),
    dateModified: isoDate(data.updated ?? data.published),
    author: data.authors.map(agent),
    publisher: { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl('/', site), logo: imageObject(absoluteUrl(LOGO.path, site), LOGO.width, LOGO.height) },
    isAccessibleForFree: true,
    ...(data.topics.length > 0 ? { keywords: data.topics.join(', ') } : {}),
    citation: data.sources.map(citationLd),
    ...(data.corrections.length > 0
      ? { correction: data.corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: isoDate(c.date), text: typeset(c.text) })) }
      : {}),
  };
}

/** A schema.org ImageObject; width and height only when known. */
function imageObject(url: string, width?: number, height?: number): JsonLd {
  return { '@type': 'ImageObject', url, ...(width && height ? { width, height } : {}) };
}

/**
 * JSON for a `<script type="application/ld+json">` body. `<`, `>` and `&` are
 * written as \u escapes so no string (e.g. a title containing `</script>` or
 * `<!--`) can end the element or open a comment; U+2028/9 likewise. The result
 * still parses to exactly the same data.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
