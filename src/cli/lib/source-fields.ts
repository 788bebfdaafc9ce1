/**
 * Choosing a source's title, publisher, author, date and language from what
 * a page states about itself (page-metadata.ts), the way Wikipedia's Citoid
 * fills a citation.
 *
 * Priority, for every field, first usable value wins:
 *   1. `citation_*` (Highwire / Google Scholar): written for citing the page, so the most deliberate;
 *   2. JSON-LD `Article`/`NewsArticle`…: structured and typed, what search engines read;
 *   3. Dublin Core (`DC.*`, `DCTERMS.*`): deliberate too, but often stale in old templates;
 *   4. Open Graph (`og:*`, `article:*`) and `twitter:title`: written for sharing, titles may be rewritten;
 *   5. plain `<meta name="author">`, then `<title>`: meant for the browser tab, usually with the site's name.
 * Exception: for the publisher, `citation_journal_title` (what readers know, "The Lancet") comes before
 * `citation_publisher` ("Elsevier"). A value that cannot pass the schema (a publisher that is only a web
 * address, a date that is not a whole real date) is skipped and the next one tried; nothing is guessed.
 */
import { NAME_LIMITS } from '../../schema/explainer.ts';
import { jsonLdArticle, type PageMetadata } from './page-metadata.ts';
import { siteLabel } from './source-id.ts';

/** What could be filled in for a source. */
export interface SourceFields {
  title?: string;
  publisher?: string;
  author?: string;
  /** YYYY-MM-DD, only when the page states a whole date. */
  published?: string;
  /** A BCP 47 tag such as `fr` or `en-GB`. */
  language?: string;
}

/** Whitespace collapsed, control characters dropped; undefined when nothing is left. */
export function clean(value: string | undefined, max = 500): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we drop
  const text = value?.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : undefined;
}

/** True when `value` is a web address or a bare host name (`reuters.com`), which names no publisher. */
export function isWebAddress(value: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(value) || /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/?$/u.test(value);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date the text states in full, as YYYY-MM-DD: `2025-11-24`, `2025/11/24`,
 * ISO date-times (the date as written, in the page's own time zone),
 * `24 November 2025` and `November 24, 2025`. A year alone, a month alone or
 * `24/11/2025` (day or month first?) give undefined: never guessed.
 */
export function statedDate(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  let y: number, m: number, d: number;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(text);
  const dayFirst = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(text);
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  const month = (name: string) => MONTHS.findIndex((full) => name.length >= 3 && full.startsWith(name.toLowerCase())) + 1;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [y, m, d] = [Number(dayFirst[3]), month(dayFirst[2]!), Number(dayFirst[1])];
  else if (monthFirst) [y, m, d] = [Number(monthFirst[3]), month(monthFirst[1]!), Number(monthFirst[2])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || y < 1800 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** `Doe, Jane` → `Jane Doe` (how citation_author and DC.creator usually write names); `By Jane Doe` → `Jane Doe`. */
function personName(value: string, lastFirst: boolean): string | undefined {
  let name = clean(value, 100)?.replace(/^by\s+/i, '');
  if (!name || isWebAddress(name)) return undefined;
  const parts = name.split(',');
  if (lastFirst && parts.length === 2 && parts.every((p) => /^\s*[\p{L}][\p{L}.' -]*$/u.test(p))) name = `${parts[1]!.trim()} ${parts[0]!.trim()}`;
  return name;
}

/** Several authors in one line: "A, B and C"; over four, "A, B, C and 5 others". */
export function joinAuthors(names: string[]): string | undefined {
  const unique = names.filter((name, i) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === i);
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0];
  if (unique.length > 4) return `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} others`;
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** Letters and digits only, lowercased, for comparing names. */
const key = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
const SEPARATOR = /\s+(?:[|–—·•»]|-|::)\s+/;

/**
 * A headline without the site's name around it: "Talks end | Reuters" → "Talks end".
 * A part is dropped when it names the site (`siteNames`, or the host: "Reuters.com").
 * With `generic` (for `<title>`), a short last part after " | " is dropped too, since
 * browser titles almost always end that way.
 */
export function stripSiteName(title: string, siteNames: string[], host: string, generic: boolean): string {
  const names = new Set([...siteNames.map(key), key(host), key(siteLabel(host))].filter(Boolean));
  const parts = title.split(SEPARATOR);
  const seps = title.match(new RegExp(SEPARATOR.source, 'g')) ?? [];
  const namesSite = (part: string) => names.has(key(part)) || [...names].some((n) => n.length >= 3 && key(part).startsWith(n) && part.split(/\s+/).length <= 3);
  let first = 0;
  let last = parts.length - 1;
  while (last > first && namesSite(parts[last]!)) last--;
  while (first < last && namesSite(parts[first]!)) first++;
  if (generic && last === parts.length - 1 && last > first && seps[last - 1]?.trim() === '|') {
    const tail = parts[last]!;
    if (tail.length <= 40 && tail.split(/\s+/).length <= 5) last--;
  }
  // Rebuild with the page's own separators between the parts kept.
  let out = parts[first]!;
  for (let i = first + 1; i <= last; i++) out += seps[i - 1]! + parts[i]!;
  return out.trim() || title;
}

/** A language tag in canonical form (`en_US` → `en-US`), or undefined. */
export function languageTag(value: string | undefined): string | undefined {
  const tag = clean(value, 35)?.replace(/_/g, '-');
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The source fields a page's metadata gives, by the priority above. `url` is the page's address. */
export function sourceFields(page: PageMetadata, url: string): SourceFields {
  const meta = (...names: string[]) => names.flatMap((name) => page.meta.get(name) ?? []);
  const ld = jsonLdArticle(page.jsonLd);
  const host = new URL(url).hostname.replace(/^www\./, '');
  const first = <T>(values: Array<string | undefined>, pick: (v: string) => T | undefined): T | undefined => {
    for (const value of values) {
      const picked = value === undefined ? undefined : pick(value);
      if (picked !== undefined) return picked;
    }
    return undefined;
  };

  const publisher = first([...meta('citation_journal_title', 'citation_publisher'), ld?.publisher, ...meta('dc.publisher', 'og:site_name')], (v) => {
    const name = clean(v, NAME_LIMITS.publisher);
    return name && !isWebAddress(name) ? name : undefined;
  });
  const siteNames = [publisher, ld?.publisher, ...meta('og:site_name', 'application-name')].filter((n): n is string => !!n);
  const titled = (generic: boolean) => (v: string) => {
    const text = clean(v);
    return text ? stripSiteName(text, siteNames, host, generic) : undefined;
  };
  const title =
    first(meta('citation_title'), (v) => clean(v)) ??
    first([ld?.headline, ...meta('dc.title', 'og:title', 'twitter:title')], titled(false)) ??
    first([page.title], titled(true));

  const authorLists: Array<[string[], boolean]> = [
    [meta('citation_author'), true],
    [ld?.authors ?? [], false],
    [meta('dc.creator'), true],
    [meta('article:author'), false],
    [meta('author'), false],
  ];
  let author: string | undefined;
  for (const [values, lastFirst] of authorLists) {
    // A byline naming only the publisher ("Reuters" by Reuters) adds nothing.
    const names = values.map((v) => personName(v, lastFirst)).filter((n): n is string => !!n && key(n) !== key(publisher ?? ''));
    author = joinAuthors(names);
    if (author) break;
  }

  const published = first([...meta('citation_publication_date', 'citation_date', 'citation_online_date'), ld?.datePublished, ...meta('dc.date.issued', 'dc.issued', 'dc.date', 'dc.date.created', 'article:published_time')], statedDate);
  const language = first([...meta('citation_language'), ld?.inLanguage, ...meta('dc.language'), page.lang, ...meta('og:locale')], languageTag);

  return { ...(title ? { title } : {}), ...(publisher ? { publisher } : {}), ...(author ? { author } : {}), ...(published ? { published } : {}), ...(language ? { language } : {}) };
}
