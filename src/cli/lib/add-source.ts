/**
 * `npm run new -- --source <url>`: append a source entry (filled in from the
 * page when autofill.ts could read it, else empty fields with a note saying
 * what to type) to an explainer's frontmatter by inserting lines into the
 * text. Nothing else in the file changes, byte for byte: comments, quoting,
 * blank lines and line endings stay.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { isHttpUrl } from '../../schema/explainer.ts';
import { normalizeUrl } from '../../schema/url.ts';
import { frontmatterSlice } from './frontmatter-text.ts';
import { sourceId } from './source-id.ts';

/** Why a source could not be added, with what to do about it. */
export class AddSourceError extends Error {
  hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'AddSourceError';
    this.hint = hint;
  }
}

/** Fields read from the page (or the archive) to fill in; each must already pass the schema. */
export interface FilledFields {
  title?: string;
  publisher?: string;
  author?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** YYYY-MM-DD */
  accessed?: string;
  archived?: string;
  /** A BCP 47 tag; written as a comment, since sources have no language field. */
  language?: string;
}

/** The result of adding a source. */
export interface AddedSource {
  text: string;
  id: string;
  /** The site's address, named in the publisher's placeholder when the page named no publisher. */
  host: string;
  /** 1-based line of the new `- id:` line in the file. */
  line: number;
}

/** The publisher's web address, shown to the writer when the page does not name its publisher. */
export function publisherFromUrl(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** A readable source id made from the address alone (see source-id.ts), unique among `taken`. */
export function sourceIdFromUrl(url: string, taken: ReadonlySet<string>): string {
  return sourceId(url, undefined, taken);
}

/** "language: fr (French), as the page states": sources have no language field, so it is kept as a note. */
export function languageNote(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  return `language: ${tag}${name && name !== tag ? ` (${name})` : ''}, as the page states`;
}

/**
 * A YAML scalar for `value`: plain when that reads back unchanged, else double-quoted.
 * Text that looks like a date is always quoted: Astro's YAML reader would turn it into a date.
 */
function scalar(value: string, date = false): string {
  if (!date && /^\d{4}-\d\d?-\d\d?/.test(value)) return JSON.stringify(value);
  try {
    if ((parse(`v: ${value}`) as { v?: unknown }).v === value) return value;
  } catch {
    // fall through to quoting
  }
  return JSON.stringify(value);
}

/**
 * Add a source for `url` to the explainer `text`, filled with `fields` (read
 * from the page by autofill.ts). What is not filled stays empty with a note
 * saying what to type: an empty title or publisher fails `npm run check`
 * (and the source is reported unused until the text cites it), so an
 * unfinished source is never published by accident.
 * Throws {@link AddSourceError} for a non-http(s) URL, a page the explainer already
 * cites, or frontmatter it cannot safely edit.
 */
export function addSource(text: string, rawUrl: string, fields: FilledFields = {}): AddedSource {
  const url = rawUrl.trim();
  if (!isHttpUrl(url) || /\s/.test(url)) {
    throw new AddSourceError(`"${rawUrl}" is not a web address`, 'give the full address of the page, starting with https:// (or http://)');
  }
  const slice = frontmatterSlice(text);
  if (!slice) throw new AddSourceError('the file has no frontmatter', 'start the file with a --- block (see `npm run new -- "Title"`), then add sources');
  const doc = parseDocument(slice.yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new AddSourceError('the frontmatter is not valid YAML', 'run `npm run check` on the file, fix what it reports, then add the source again');
  }
  const lineAt = (offset: number) => text.slice(0, slice.start + offset).split('\n').length;
  const pair = isMap(doc.contents) ? (doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'sources') as Pair<YamlNode, YamlNode | null> | undefined) : undefined;
  const seq = pair?.value;

  const existing = isSeq(seq) ? seq.items.filter(isMap) : [];
  const taken = new Set<string>();
  const wanted = normalizeUrl(url);
  for (const item of existing) {
    const id = item.get('id');
    if (typeof id === 'string') taken.add(id);
    for (const field of ['url', 'archived']) {
      const value = item.get(field);
      if (typeof value === 'string' && normalizeUrl(value) === wanted) {
        const at = lineAt((item.get(field, true) as YamlNode).range?.[0] ?? 0);
        throw new AddSourceError(`line ${at} already has this page${typeof id === 'string' ? ` as source \`${id}\`` : ''}${field === 'archived' ? ' (its archived copy)' : ''}`, typeof id === 'string' ? `cite it as [@${id}]` : 'cite the existing source instead');
      }
    }
  }
  const id = sourceId(url, fields.title, taken);
  const host = publisherFromUrl(url);
  const { eol } = slice;
  const stub = (dash: number, key: number) => {
    const pad = ' '.repeat(key);
    const optional = (['author', 'published', 'accessed', 'archived'] as const).flatMap((field) => (fields[field] ? [`${pad}${field}: ${scalar(fields[field], field === 'published' || field === 'accessed')}`] : []));
    return [
      `${' '.repeat(dash)}-${' '.repeat(Math.max(1, key - dash - 1))}id: ${id}`,
      fields.title ? `${pad}title: ${scalar(fields.title)}` : `${pad}title: "" # the page's headline, exactly as published`,
      `${pad}url: ${scalar(url)}`,
      fields.publisher ? `${pad}publisher: ${scalar(fields.publisher)}` : `${pad}publisher: "" # who published it, by name, e.g. Reuters (the page is on ${host})`,
      ...optional,
      ...(fields.language ? [`${pad}# ${languageNote(fields.language)}`] : []),
    ].join(eol) + eol;
  };
  const insert = (offset: number, lines: string) => {
    const at = slice.start + offset;
    return { text: text.slice(0, at) + lines + text.slice(at), id, host, line: text.slice(0, at).split('\n').length };
  };

  if (!pair) {
    // No `sources:` yet: add it as the last frontmatter field.
    const dash = sequenceIndent(doc, slice.yaml) ?? 2;
    const yaml = slice.yaml;
    const lead = yaml === '' || yaml.endsWith('\n') ? '' : eol;
    const added = insert(yaml.length, `${lead}sources:${eol}${stub(dash, dash + 2)}`);
    return { ...added, line: added.line + 1 };
  }
  if (seq === null || (isScalar(seq) && seq.value === null && (seq.range?.[0] ?? 0) === (seq.range?.[1] ?? 0))) {
    // `sources:` with nothing after it.
    const dash = sequenceIndent(doc, slice.yaml) ?? 2;
    return insert(lineEnd(slice.yaml, (pair.key as YamlNode).range?.[1] ?? 0), stub(dash, dash + 2));
  }
  if (isSeq(seq) && seq.flow) {
    if (seq.items.length > 0 || !seq.range) {
      throw new AddSourceError(`\`sources\` on line ${lineAt(seq.range?.[0] ?? 0)} is written as a [bracketed] list`, 'write it as a list with one `- id:` entry per source (see any explainer), or add the source by hand');
    }
    // `sources: []`: drop the brackets (keeping a comment on that line) and put the entry below.
    const [from, to] = seq.range;
    const dash = sequenceIndent(doc, slice.yaml) ?? 2;
    const end = lineEnd(slice.yaml, to);
    const head = slice.yaml.slice(0, from).replace(/[ \t]+$/, '');
    const tail = slice.yaml.slice(to, end);
    const yaml = head + (tail.endsWith('\n') ? tail : tail + eol) + stub(dash, dash + 2) + slice.yaml.slice(end);
    return { text: text.slice(0, slice.start) + yaml + text.slice(slice.end), id, host, line: lineAt(head.length) + 1 };
  }
  if (!isSeq(seq) || !seq.range || seq.items.some((item) => !isMap(item))) {
    throw new AddSourceError(`\`sources\` on line ${lineAt(seq && 'range' in seq && seq.range ? seq.range[0] : 0)} is not a list of sources`, 'make it a list with one `- id:` entry per source, as in any other explainer');
  }
  // Match the list's own indentation: the column of its `-` and of the first key after it.
  const dash = column(slice.yaml, seq.range[0]);
  const first = seq.items[0] as YamlNode;
  const firstKey = isMap(first) ? (first.items[0]?.key as YamlNode | undefined) : undefined;
  const key = firstKey?.range ? column(slice.yaml, firstKey.range[0]) : dash + 2;
  const last = seq.items.at(-1) as YamlNode;
  let at = lineEnd(slice.yaml, last.range?.[1] ?? seq.range[1]);
  // Comment lines indented under the last entry belong to it: keep them with it.
  for (;;) {
    const nl = slice.yaml.indexOf('\n', at);
    const next = slice.yaml.slice(at, nl === -1 ? slice.yaml.length : nl + 1);
    const indent = /^[ \t]*/.exec(next)![0].length;
    if (next.trim().startsWith('#') && indent > dash) at += next.length;
    else break;
  }
  return insert(at, stub(dash, key > dash ? key : dash + 2));
}

/** Offset just past the line break of the line containing `offset` (a block scalar may already end on one). */
function lineEnd(yaml: string, offset: number): number {
  if (offset > 0 && yaml[offset - 1] === '\n') return offset;
  const nl = yaml.indexOf('\n', offset);
  return nl === -1 ? yaml.length : nl + 1;
}

/** 0-based column of `offset`. */
function column(yaml: string, offset: number): number {
  return offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
}

/** The dash column the file's other block lists use (authors, topics), so a new list matches them. */
function sequenceIndent(doc: Document, yaml: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const item of doc.contents.items) {
    const value = item.value as YamlNode | null;
    if (isSeq(value) && !value.flow && value.range) return column(yaml, value.range[0]);
  }
  return undefined;
}
