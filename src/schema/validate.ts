/**
 * Frontmatter validation with positions: the schema's issues become plain
 * messages at the YAML line of the field concerned. Zod's own wording is
 * replaced through an error map keyed on the issue's fields (its code, the
 * type expected, the value found), never by rewriting its English.
 */
import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { core } from 'astro/zod';
import { explainerSchema, sourceSchema, type Explainer } from './explainer.ts';
import type { Place } from './place.ts';
import { fieldHint } from './field-hints.ts';
import { closest } from './suggest.ts';

/** A YAML document whose offsets map back to file positions. */
export interface LocatedYaml {
  doc: Document;
  place: (offset: number) => Place;
}

/** What validation reads of a file: its data, and positions on demand. */
export interface Validatable {
  data?: unknown;
  yaml: () => LocatedYaml | undefined;
}

/** A source as written, located in the file (present even when invalid). */
export interface SourceRef {
  index: number;
  id?: string;
  url?: string;
  place: Place;
  idPlace: Place;
  urlPlace: Place;
  fieldPlace: (field: string) => Place;
}

/** A frontmatter problem in plain words; `inSources` when it is about an entry of `sources`. */
export interface FieldProblem {
  inSources: boolean;
  message: string;
  hint?: string;
  place: Place;
}

/** Result of validating an article's frontmatter. */
export interface Validation {
  data?: Explainer;
  sources: SourceRef[];
  problems: FieldProblem[];
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

const SOURCE_FIELDS = Object.keys(sourceSchema.shape);
const TOP_FIELDS = Object.keys(explainerSchema.shape);
const KIND: Record<string, string> = { array: 'a list', object: 'a group of fields', string: 'text', number: 'a number', boolean: 'true or false', date: 'a date' };
const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value instanceof Date ? 'date' : value === null ? 'nothing' : typeof value);

/** Plain words for the issues the schema gives no message of its own. */
const friendly: core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  return `must be ${KIND[issue.expected] ?? issue.expected}, not ${KIND[kindOf(issue.input)] ?? kindOf(issue.input)}`;
};

/** A field path as writers read it: `topics` (item 2), `sources` (entry 3) `url`. */
function fieldName(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `(${i === 1 && path[0] === 'sources' ? 'entry' : 'item'} ${part + 1})` : `\`${String(part)}\``)).join(' ');
}

/** Validate an explainer's frontmatter against the schema and locate every source (positions on demand). */
export function validateFrontmatter(file: Validatable): Validation {
  const result: Validation = { sources: [], problems: [] };
  if (file.data === undefined) return result;
  // The position-keeping YAML document costs more than the rest of a check's YAML work:
  // it is built only when a position is asked for, which clean files never do.
  const located = () => file.yaml()!;
  const top = (): Place => located().place(0);
  const at = (node: YamlNode | null | undefined, fallback: () => Place): Place => (node?.range ? located().place(node.range[0]) : fallback());
  const nodeAt = (path: PropertyKey[]): YamlNode | undefined => {
    for (let i = path.length; i >= 0; i--) {
      const node = located().doc.getIn(path.slice(0, i) as unknown[], true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node) return node;
    }
    return undefined;
  };

  const raw = (file.data as { sources?: unknown } | undefined)?.sources;
  if (Array.isArray(raw)) {
    raw.forEach((item: unknown, index) => {
      const fields = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      const itemNode = () => nodeAt(['sources', index]);
      const place = () => at(itemNode(), top);
      const fieldPlace = (name: string) => {
        const node = itemNode();
        return at(isMap(node) ? (node.get(name, true) as YamlNode | undefined) : undefined, place);
      };
      result.sources.push({
        index,
        id: typeof fields.id === 'string' ? fields.id : undefined,
        url: typeof fields.url === 'string' ? fields.url : undefined,
        get place() {
          return place();
        },
        get idPlace() {
          return fieldPlace('id');
        },
        get urlPlace() {
          return fieldPlace('url');
        },
        fieldPlace,
      });
    });
  }

  const parsed = explainerSchema.safeParse(file.data, { error: friendly });
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  const issues = parsed.error.issues as Issue[];
  // `Summary:` or `source:` is reported as an unknown field ("did you mean `summary`?"): "`summary` is required" too
  // would be the same mistake twice.
  const misspelt = new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' ? (i.keys ?? []).map((key) => JSON.stringify([...i.path, closest(key, i.path.length ? SOURCE_FIELDS : TOP_FIELDS)])) : [])));
  for (const issue of issues) {
    if (misspelt.has(JSON.stringify(issue.path)) && valueAt(file.data, issue.path) === undefined) continue;
    result.problems.push(describe(issue, result.sources, { path: (path) => at(nodeAt(path), top), offset: (o) => located().place(o), node: nodeAt, value: (path) => valueAt(file.data, path) }));
  }
  return result;
}

/** Ways to find a position in the frontmatter. */
interface Locator {
  path: (path: PropertyKey[]) => Place;
  offset: (offset: number) => Place;
  node: (path: PropertyKey[]) => YamlNode | undefined;
  /** The value as written at `path`, for a fix built from it. */
  value: (path: PropertyKey[]) => unknown;
}

function describe(issue: Issue, sources: SourceRef[], locate: Locator): FieldProblem {
  const [head, index, field] = issue.path;
  const inSources = head === 'sources';
  const inSource = inSources && typeof index === 'number';
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const key = issue.keys[0]!;
    const allowed = inSource ? SOURCE_FIELDS : TOP_FIELDS;
    const suggestion = closest(key, allowed);
    const owner = inSource ? sourceLabel(sources[index]) : 'Frontmatter';
    const map = locate.node(issue.path);
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const place = pair && isScalar(pair.key) && pair.key.range ? locate.offset(pair.key.range[0]) : locate.path(issue.path);
    return { inSources, message: `${owner} has an unknown field \`${key}\``, hint: suggestion ? `did you mean \`${suggestion}\`?` : `allowed fields: ${allowed.join(', ')}`, place };
  }
  if (issue.path.length === 1 && head === 'sources' && locate.value(issue.path) === undefined) {
    return { inSources, message: '`sources` is required: the list of the sources this explainer cites', hint: 'add `sources:` after the other fields (npm run new -- --source <url> adds a source for you)', place: locate.path(issue.path) };
  }
  const key = [...issue.path].reverse().find((part): part is string => typeof part === 'string') ?? '';
  const fix = fieldHint(key, locate.value(issue.path), issue.message);
  if (inSource) {
    const name = typeof field === 'string' ? `\`${field}\` ` : '';
    const message = fix?.note ? `${sourceLabel(sources[index])}: ${fix.note}` : `${sourceLabel(sources[index])}: ${name}${issue.message}`.replace(/\s+/g, ' ');
    return { inSources, message, hint: fix?.hint, place: locate.path(issue.path) };
  }
  const name = issue.path.length ? `${fieldName(issue.path)} ` : 'Frontmatter ';
  return { inSources, message: `${name}${issue.message}`, hint: fix?.hint, place: locate.path(issue.path) };
}

/** "Source 3 (`e3-draft`)" for messages. */
export function sourceLabel(source: SourceRef | undefined): string {
  if (!source) return 'Source';
  return source.id ? `Source ${source.index + 1} (\`${source.id}\`)` : `Source ${source.index + 1}`;
}

/** The raw value at `path` of the parsed YAML. */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined), data);
}
