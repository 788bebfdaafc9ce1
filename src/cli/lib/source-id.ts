/**
 * Readable source ids for `npm run new -- --source`: the site's short name
 * plus the first few words of the page's title (or of its address), numbers
 * kept, so a "28-point plan" page becomes `crisis-us-drafts-28-point`, not
 * `crisis-us-drafts-point`.
 */
import { SOURCE_ID_PATTERN } from '../../schema/explainer.ts';
import { slugify } from './scaffold.ts';

/** Second-level labels that sit under a country code (bbc.co.uk, abc.net.au). */
const UNDER_COUNTRY = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'gv', 'or', 'ne', 'go']);

/** Words that say nothing about the page, in titles and in addresses. */
const FILLER = new Set([
  'www', 'html', 'htm', 'php', 'aspx', 'index', 'article', 'articles', 'news', 'story', 'en', 'amp',
  'the', 'a', 'an', 'of', 'and', 'or', 's', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'as', 'from', 'is', 'are', 'was', 'were',
  'be', 'it', 'its', 'this', 'that', 'what', 'how', 'why', 'who', 'when', 'where', 'which', 'will', 'would', 'has', 'have', 'had',
  // The same small words in the languages sources most often use besides English.
  'de', 'la', 'le', 'les', 'des', 'du', 'et', 'sur', 'pour', 'dans', 'der', 'die', 'das', 'und', 'im', 'von', 'el', 'los', 'las', 'y', 'del', 'con',
]);

/** Significant words of the id after the site's name. */
const WORDS = 3;

/** The site's short name from a host: `www.reuters.com` → `reuters`, `news.bbc.co.uk` → `bbc`. */
export function siteLabel(hostname: string): string {
  // An IP address or a machine name says nothing a reader would recognise.
  if (/^[\d.]+$|:|^\[|^localhost$/.test(hostname)) return '';
  const labels = hostname.replace(/^www\./, '').split('.').filter(Boolean);
  if (labels.length >= 3 && UNDER_COUNTRY.has(labels.at(-2)!) && labels.at(-1)!.length === 2) return labels.at(-3)!;
  return (labels.length >= 2 ? labels.at(-2) : labels[0]) ?? '';
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The first {@link WORDS} significant words of `text`, with the numbers among
 * them kept (they do not count as words): "US drafts 28-point peace plan" →
 * `us drafts 28 point`. Long digit runs (article numbers) are dropped.
 */
export function significantWords(text: string, words = WORDS): string[] {
  const out: string[] = [];
  let counted = 0;
  // French and Italian elisions: "l'Ukraine" is about Ukraine, not "lukraine".
  const unelided = text.replace(/(^|[^\p{L}])(?:[cdjlmnst]|qu)['’](?=\p{L})/giu, '$1');
  for (const word of slugify(unelided).split('-')) {
    if (!word || FILLER.has(word)) continue;
    const number = /^\d+$/.test(word);
    if (number && word.length > 4) continue;
    if (!number && counted === words) break;
    if (!number) counted++;
    out.push(word);
  }
  // A number after the last word belongs to the next words, not to the id.
  while (out.length > 0 && /^\d+$/.test(out.at(-1)!) && counted === words) out.pop();
  return out;
}

/** The words of an address's last readable path segment (`/world/us-drafts-28-point-plan-2025-11-24/`). */
function addressWords(url: URL): string[] {
  const segments = url.pathname
    .split('/')
    .map((s) => decodeSafe(s).replace(/\.[a-z0-9]{2,5}$/i, ''))
    .filter((s) => /[a-z]{2}/i.test(s));
  return significantWords(segments.at(-1) ?? '');
}

/**
 * A short, readable id for a source, unique among `taken`: the site's name
 * plus the first words of `title` when it has Latin letters, else of the
 * address; `-2`, `-3`… when the id is taken.
 */
export function sourceId(url: string, title: string | undefined, taken: ReadonlySet<string>): string {
  const parsed = new URL(url);
  const fromTitle = title ? significantWords(title) : [];
  const words = fromTitle.some((w) => !/^\d+$/.test(w)) ? fromTitle : addressWords(parsed);
  const base = slugify([siteLabel(parsed.hostname) || 'source', ...words].join(' ')) || 'source';
  const id = SOURCE_ID_PATTERN.test(base) ? base : 'source';
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
