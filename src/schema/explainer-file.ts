/**
 * The one reader of an explainer file. Every tool that reads one (the
 * checker, the build's precheck, the pull-request report, link rot, `npm run
 * new`) goes through here: bytes → UTF-8 (refused, with the place of the bad
 * byte, when it is not) → BOM dropped → the frontmatter split off, as Astro
 * splits it → YAML data, parsed once, dates kept as written → positions and
 * a position-keeping YAML document only when a message needs them →
 * validation against the schema, with plain-language errors at their lines.
 */
import { readFile } from 'node:fs/promises';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { YAMLException } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { decode, isUtf16 } from './decode.ts';
import { diagnoseFences } from './fences.ts';
import { NOTICES } from './notices.ts';
import { locator, type Place } from './place.ts';
import { validateFrontmatter, type LocatedYaml, type Validation } from './validate.ts';

export type { LocatedYaml } from './validate.ts';
import { loadYaml } from './yaml.ts';
import { plainYamlError } from './yaml-errors.ts';
import { yamlSlips } from './yaml-slips.ts';

/** A problem with the file as a file (before any rule looks at it). */
export interface FileProblem {
  ruleId: typeof NOTICES.encoding.id | typeof NOTICES.emptyFile.id | typeof NOTICES.frontmatter.id;
  message: string;
  hint: string;
  place: Place;
  /** Nothing after it can be trusted: the bytes, or where the body starts, are in doubt. */
  final?: boolean;
}

/** Where the frontmatter's YAML is in the text. */
export interface FrontmatterBlock {
  /** Offset of the YAML's first character (the line after the opening `---`). */
  start: number;
  /** Offset of the closing `---` line: the YAML is `text.slice(start, end)`. */
  end: number;
  yaml: string;
  /** 1-based line of the YAML's first line. */
  line: number;
}

/** An explainer file, read. */
export interface ExplainerFile {
  /** The path shown to writers. */
  path: string;
  /** The text, BOM dropped; '' when the bytes are not UTF-8. */
  text: string;
  /** The line break the file uses, so tools inserting lines match it. */
  eol: '\n' | '\r\n';
  frontmatter?: FrontmatterBlock;
  /** The YAML as data (dates as written); undefined without readable frontmatter. */
  data?: unknown;
  /** Problems reading the file: when one is here, nothing else should be trusted. */
  problems: FileProblem[];
  /** Maps an offset in `text` to a file position. */
  place: (offset: number) => Place;
  /** Maps a file position to its offset in `text`. */
  offset: (place: Place) => number;
  /** The frontmatter as a YAML document with positions (built on first use). */
  yaml: () => LocatedYaml | undefined;
  /** The data checked against the schema, with plain-language problems (computed once). */
  validated: () => Validation;
}

const OPEN = /^---[ \t]*(\r?\n)/;
const CLOSE = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * The frontmatter block: a `---` line at the very top and the next line that is
 * exactly `---` (as remark-frontmatter reads it). Undefined when there is none.
 */
function split(text: string): FrontmatterBlock | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = CLOSE.exec(text.slice(start));
  if (!close) return undefined;
  const end = start + close.index;
  return { start, end, yaml: text.slice(start, end).replace(/\r?\n$/, ''), line: 2 };
}

/** Read an explainer from its contents; `path` is only used in messages. Never throws. */
export function readExplainer(path: string, contents: string | Uint8Array): ExplainerFile {
  const problems: FileProblem[] = [];
  let text = '';
  if (typeof contents === 'string') text = contents;
  else {
    // UTF-16 decodes as UTF-8 when it is mostly ASCII (a zero byte is valid UTF-8): say what it is saved as.
    const decoded = isUtf16(contents) ? { bad: { line: 1, column: 1 }, utf16: true } : decode(contents);
    if ('text' in decoded) text = decoded.text;
    else problems.push({ ruleId: NOTICES.encoding.id, message: 'utf16' in decoded ? 'File is saved as UTF-16, not as UTF-8 text' : 'File is not valid UTF-8 text', hint: 'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)', place: decoded.bad, final: true });
  }
  text = text.replace(/^\uFEFF/, '');
  const { place, offset } = locator(text);
  const file: ExplainerFile = { path, text, eol: /\r\n/.test(text.slice(0, 200)) ? '\r\n' : '\n', problems, place, offset, yaml: () => undefined, validated: () => validateFrontmatter(file) };
  if (problems.length) return file;
  if (text.trim() === '') {
    problems.push({ ruleId: NOTICES.emptyFile.id, message: 'File is empty', hint: 'start from `npm run new -- "Title"` or copy an existing explainer', place: { line: 1, column: 1 }, final: true });
    return file;
  }
  const block = split(text);
  if (!block) {
    // A block that is there but cannot be found: the rest of the file cannot be read as text.
    const fence = diagnoseFences(text);
    if (fence) {
      problems.push({ ruleId: NOTICES.frontmatter.id, ...fence, final: true });
      return file;
    }
    problems.push({ ruleId: NOTICES.frontmatter.id, message: 'File has no frontmatter', hint: 'start the file with a `---` block holding title, summary, published, authors and sources', place: { line: 1, column: 1 } });
    return file;
  }
  file.frontmatter = block;
  // Astro splits the frontmatter off with its own regex (a line starting with --- or +++ ends it, even
  // mid-value). Where it would end elsewhere, lines the checks read as frontmatter would be published as text.
  const astro = extractFrontmatter(text);
  // Astro's block starts right after `---`, so it holds spaces typed after that `---` (harmless to both).
  if (astro === undefined || astro.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '') !== block.yaml) {
    problems.push({
      ruleId: NOTICES.frontmatter.id,
      message: `The frontmatter ends here for the site, but on line ${place(block.end).line} for the checks: the lines between would be published unchecked`,
      hint: 'no line inside the frontmatter may start with --- or +++: put such a value in quotes on one line, e.g. summary: "--- like this"',
      place: { line: 1 + (astro?.match(/\n/g)?.length ?? 0), column: 1 },
      final: true,
    });
    return file;
  }
  // Only a frontmatter: nothing to publish, and nothing would say so before the page went out empty.
  if (text.slice(block.end).replace(/^---[ \t]*/, '').trim() === '') {
    const line = place(block.end).line + 1;
    problems.push({ ruleId: NOTICES.emptyFile.id, message: 'The explainer has no text after its frontmatter', hint: 'write the explainer under the closing --- line, citing its sources as [@id]', place: { line, column: 1 } });
  }
  try {
    // js-yaml is what Astro parses frontmatter with, and several times faster than a position-keeping parse.
    file.data = loadYaml(block.yaml);
  } catch (error) {
    const mark = (error as YAMLException).mark;
    const reason = ((error as YAMLException).reason ?? String(error)).replace(/\s+/g, ' ');
    const { message, hint, at } = plainYamlError(reason, block.yaml.split(/\r?\n/), mark?.line ?? 0);
    const place = at === undefined || at === mark?.line ? { line: block.line + (mark?.line ?? 0), column: (mark?.column ?? 0) + 1 } : { line: block.line + at, column: 1 };
    problems.push({ ruleId: NOTICES.frontmatter.id, message, hint, place });
    return file;
  }
  // YAML reads some slips without complaint (a list item swallowing the next, “curly” quotes, `title: #1`).
  const slipped = new Set<number>();
  for (const slip of yamlSlips(block.yaml)) {
    slipped.add(block.line + slip.line - 1);
    problems.push({ ruleId: NOTICES.frontmatter.id, message: slip.message, hint: slip.hint, place: { line: block.line + slip.line - 1, column: 1 } });
  }
  let located: LocatedYaml | undefined;
  file.yaml = () => {
    if (located) return located;
    const lineCounter = new LineCounter();
    const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: false, uniqueKeys: false });
    return (located = { doc, place: (offset) => ({ line: block.line + lineCounter.linePos(offset).line - 1, column: lineCounter.linePos(offset).col }) });
  };
  let validation: Validation | undefined;
  // A field a slip explains (`title: #1` is "required") is not reported twice.
  file.validated = () => (validation ??= withoutLines(validateFrontmatter(file), slipped));
  return file;
}

/** `validation` without the problems on `lines`, which a clearer message already covers. */
function withoutLines(validation: Validation, lines: ReadonlySet<number>): Validation {
  return lines.size ? { ...validation, problems: validation.problems.filter((p) => !lines.has(p.place.line)) } : validation;
}

/** A source as written in the frontmatter, before validation (fields may be missing or wrong). */
export interface WrittenSource {
  id?: string;
  title?: string;
  url?: string;
  archived?: string;
  publisher?: string;
  /** The whole entry as written, for checking it again elsewhere. */
  raw: Record<string, unknown>;
}

/** The `sources` list of a file as written: entries that are not maps are skipped, blank text is absent. */
export function writtenSources(file: Pick<ExplainerFile, 'data'>): WrittenSource[] {
  const list = (file.data as { sources?: unknown } | undefined)?.sources;
  if (!Array.isArray(list)) return [];
  const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s))
    .map((raw) => ({ id: str(raw.id), title: str(raw.title), url: str(raw.url), archived: str(raw.archived), publisher: str(raw.publisher), raw }));
}

/** Read an explainer from disk. */
export async function loadExplainer(path: string, displayPath = path): Promise<ExplainerFile> {
  return readExplainer(displayPath, await readFile(path));
}
