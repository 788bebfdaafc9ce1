/**
 * Filling in a new source from its page: fetch it once (bounded), decode it
 * in the charset it declares, read its metadata, keep what passes the schema,
 * and optionally ask an archive for a snapshot. Every gap or failure becomes
 * one plain note for the writer; nothing here throws for a network problem.
 */
import sniffHTMLEncoding from 'html-encoding-sniffer';
import type { FilledFields } from './add-source.ts';
import { saveSnapshot } from './archive-snapshot.ts';
import { fetchPage, type FetchLimits } from './fetch-page.ts';
import { readPageMetadata } from './page-metadata.ts';
import { sourceFields } from './source-fields.ts';

/** A message for the writer: plain words first, technical detail (if any) for a second line. */
export interface Note {
  text: string;
  detail?: string;
}

/** How to fill in a source. */
export interface AutofillOptions {
  limits: FetchLimits;
  /** Today in the writer's time zone, YYYY-MM-DD (injected so tests control the clock). */
  today: string;
  /** Ask this Save-Page-Now-style endpoint for a snapshot, within `limits` (its own timeout). */
  archive?: { endpoint: string; limits: FetchLimits };
  /** Do not read the page (`--no-fetch`): only the archive, if asked. */
  skipPage?: boolean;
}

/** The fields found and the notes to print. */
export interface Autofilled {
  fields: FilledFields;
  notes: Note[];
}

/** Decode a page's bytes in the charset its header, byte-order mark or `<meta charset>` gives (UTF-8 when none). */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const declared = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
  const encoding = sniffHTMLEncoding(bytes, { ...(declared ? { transportLayerEncodingLabel: declared } : {}), defaultEncoding: 'UTF-8' });
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // A charset Node cannot decode: UTF-8 keeps at least the ASCII of the metadata.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Titles of the pages bot walls show instead of the article (Cloudflare, Akamai and the like). */
const ROBOT_CHECK = /^(?:just a moment|attention required|access denied|are you a robot|please verify you are a human|security check|one more step)\b/i;

/** What is missing, as one sentence saying what to type. */
function missingNote(fields: FilledFields, host: string): Note | undefined {
  if (!fields.title && !fields.publisher) return { text: 'The page does not state its title or publisher: fill them in by hand.' };
  if (!fields.title) return { text: 'The page does not state its title: copy its headline into `title` by hand.' };
  if (!fields.publisher) return { text: `The page does not name its publisher (only its address, ${host}): type who published it in \`publisher\`, e.g. Reuters.` };
  return undefined;
}

/** Read `url` and return what to fill in for it, with a note for each gap or failure. */
export async function autofill(url: string, options: AutofillOptions): Promise<Autofilled> {
  const notes: Note[] = [];
  let fields: FilledFields = {};
  const page = options.skipPage ? undefined : await fetchPage(url, options.limits);
  if (!page) {
    // Not asked to read the page: the writer fills the source in.
  } else if (!page.ok) {
    notes.push({ text: `Could not read the page (${page.reason}): fill in title and publisher by hand.`, ...(page.detail ? { detail: page.detail } : {}) });
  } else {
    const found = sourceFields(readPageMetadata(decodePage(page.bytes, page.contentType)), page.url);
    // A robot check's "title" is not the page's: filling it in would publish "Just a moment...".
    if (found.title && ROBOT_CHECK.test(found.title)) return withArchive(url, options, [{ text: 'Could not read the page (the site showed a robot check instead of it): fill in title and publisher by hand.', detail: `page title: ${found.title}` }], {});
    const { language, published, ...rest } = found;
    fields = { ...rest, accessed: options.today, ...(language ? { language } : {}) };
    // `accessed` may not come before `published`: a date after today is a mistake on the page (or a time zone ahead).
    if (published && published > options.today) notes.push({ text: `The page gives a publication date after today (${published}), so it was left out: check the date on the page.` });
    else if (published) fields.published = published;
    const missing = missingNote(fields, new URL(url).hostname.replace(/^www\./, ''));
    if (missing) notes.push(missing);
  }
  return withArchive(url, options, notes, fields);
}

/** Ask the archive for a snapshot when the writer asked for one, adding it or a note. */
async function withArchive(url: string, options: AutofillOptions, notes: Note[], fields: FilledFields): Promise<Autofilled> {
  if (options.archive) {
    const snapshot = await saveSnapshot(url, options.archive.endpoint, options.archive.limits);
    if (snapshot.ok) fields.archived = snapshot.url;
    else notes.push({ text: `Could not save an archived copy (${snapshot.reason}): try again later with --archive, or save one at https://web.archive.org/save/ and add it as \`archived\`.`, ...(snapshot.detail ? { detail: snapshot.detail } : {}) });
  }
  return { fields, notes };
}
