/**
 * Finding an explainer's YAML frontmatter as text, so commands can edit it
 * in place without re-serialising (which would lose comments and layout).
 */
import { parseDocument, type Document } from 'yaml';

/** Where the frontmatter is in a file's text. */
export interface FrontmatterSlice {
  /** Offset of the first character of the YAML (the line after the opening `---`). */
  start: number;
  /** Offset of the closing `---` line: the YAML is `text.slice(start, end)` and ends with a line break (or is empty). */
  end: number;
  /** The line break the file uses, so inserted lines match it. */
  eol: '\n' | '\r\n';
  /** The YAML text. */
  yaml: string;
}

const OPEN = /^\uFEFF?---[ \t]*(\r?\n)/;
const CLOSE = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * Locate the frontmatter the way remark-frontmatter does: a `---` line at the
 * very top of the file and the next line that is exactly `---`.
 * Undefined when the file has none.
 */
export function frontmatterSlice(text: string): FrontmatterSlice | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  CLOSE.lastIndex = 0;
  const rest = text.slice(start);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  const end = start + close.index;
  return { start, end, eol: open[1] === '\r\n' ? '\r\n' : '\n', yaml: text.slice(start, end) };
}

/** A source as read from frontmatter data, before validation (fields may be missing). */
export interface RawSource {
  id?: string;
  title?: string;
  url?: string;
  archived?: string;
  publisher?: string;
}

/** Parse frontmatter YAML; undefined when it has errors. */
export function parseFrontmatter(text: string): { doc: Document; data: Record<string, unknown> } | undefined {
  const slice = frontmatterSlice(text);
  if (!slice) return undefined;
  const doc = parseDocument(slice.yaml, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const data = doc.toJS() as unknown;
  return { doc, data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
}

/** The `sources` list of an explainer's text, as written (invalid entries skipped). */
export function rawSources(text: string): RawSource[] {
  const sources = parseFrontmatter(text)?.data.sources;
  if (!Array.isArray(sources)) return [];
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return sources
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .map((s) => ({ id: str(s.id), title: str(s.title), url: str(s.url), archived: str(s.archived), publisher: str(s.publisher) }));
}
