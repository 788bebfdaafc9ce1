/**
 * `npm run new -- --source <url>`: append a source stub to an explainer's
 * frontmatter by inserting lines into the text. Nothing else in the file
 * changes, byte for byte: comments, quoting, blank lines and line endings stay.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { isHttpUrl, SOURCE_ID_PATTERN } from '../../schema/explainer.ts';
import { normalizeUrl } from '../../schema/url.ts';
import { frontmatterSlice } from './frontmatter-text.ts';

/** Why a source could not be added, with what to do about it. */
export class AddSourceError extends Error {
  hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'AddSourceError';
    this.hint = hint;
  }
}

/** The result of adding a source. */
export interface AddedSource {
  text: string;
  id: string;
  publisher: string;
  /** 1-based line of the new `- id:` line in the file. */
  line: number;
}

/** Second-level labels that sit under a country code (bbc.co.uk, abc.net.au). */
const UNDER_COUNTRY = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'gv', 'or', 'ne', 'go']);
/** Path words that say nothing about the page. */
const FILLER = new Set(['www', 'html', 'htm', 'php', 'aspx', 'index', 'article', 'articles', 'news', 'story', 'en', 'amp', 'the', 'a', 'an', 'of', 'and', 's', 'to', 'in', 'on', 'for']);

/** The publisher guess for a URL: its host without `www.` (the writer replaces it with a name). */
export function publisherFromUrl(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * A short, readable source id from a URL, unique among `taken`:
 * the site's name plus up to three words of the page's path,
 * e.g. `https://www.reuters.com/world/europe/ukraine-peace-plan-2025-11-24/` → `reuters-ukraine-peace-plan`.
 */
export function sourceIdFromUrl(url: string, taken: ReadonlySet<string>): string {
  const { hostname, pathname } = new URL(url);
  const labels = hostname.replace(/^www\./, '').split('.').filter(Boolean);
  const site = labels.length >= 3 && UNDER_COUNTRY.has(labels.at(-2)!) && labels.at(-1)!.length === 2 ? labels.at(-3) : labels.length >= 2 ? labels.at(-2) : labels[0];
  const segments = pathname.split('/').map((s) => decodeSafe(s).replace(/\.[a-z0-9]{2,5}$/i, '')).filter((s) => /[a-z]{2}/i.test(s));
  const words = (segments.at(-1) ?? '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^a-z0-9]+/).filter((w) => w && !FILLER.has(w) && !/^\d+$/.test(w));
  const base = [site ?? 'source', ...words.slice(0, 3)].join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'source';
  const id = SOURCE_ID_PATTERN.test(base) ? base : 'source';
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A YAML scalar for `value`: plain when that reads back unchanged, else double-quoted. */
function scalar(value: string): string {
  try {
    if ((parse(`v: ${value}`) as { v?: unknown }).v === value) return value;
  } catch {
    // fall through to quoting
  }
  return JSON.stringify(value);
}

/**
 * Add a source stub for `url` to the explainer `text`.
 * The stub has the url, a derived id, the host as publisher and an empty
 * title, which `npm run check` reports until the writer fills it in (and the
 * source is reported unused until the text cites it): a stub is never published by accident.
 * Throws {@link AddSourceError} for a non-http(s) URL, a page the explainer already
 * cites, or frontmatter it cannot safely edit.
 */
export function addSource(text: string, rawUrl: string): AddedSource {
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
  const id = sourceIdFromUrl(url, taken);
  const publisher = publisherFromUrl(url);
  const { eol } = slice;
  const stub = (dash: number, key: number) => {
    const pad = ' '.repeat(key);
    return [
      `${' '.repeat(dash)}-${' '.repeat(Math.max(1, key - dash - 1))}id: ${id}`,
      `${pad}title: "" # the page's headline, exactly as published`,
      `${pad}url: ${scalar(url)}`,
      `${pad}publisher: ${scalar(publisher)} # who published it, e.g. Reuters`,
    ].join(eol) + eol;
  };
  const insert = (offset: number, lines: string) => {
    const at = slice.start + offset;
    return { text: text.slice(0, at) + lines + text.slice(at), id, publisher, line: text.slice(0, at).split('\n').length };
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
    return { text: text.slice(0, slice.start) + yaml + text.slice(slice.end), id, publisher, line: lineAt(head.length) + 1 };
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
