/**
 * Frontmatter validation with positions: Zod issues become readable
 * messages at the YAML line of the offending field.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { explainerSchema, sourceSchema, type Explainer } from '../schema/explainer.ts';
import type { Article } from './article.ts';
import { closest } from './suggest.ts';
import type { Place } from './report.ts';

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

/** A frontmatter problem in plain words. */
export interface FieldProblem {
  /** `invalid-source` for anything under `sources`, else `invalid-frontmatter`. */
  ruleId: 'invalid-source' | 'invalid-frontmatter';
  message: string;
  hint?: string;
  place: Place;
}

/** Result of validating an article's frontmatter. */
export interface Frontmatter {
  data?: Explainer;
  sources: SourceRef[];
  problems: FieldProblem[];
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

const SOURCE_FIELDS = Object.keys(sourceSchema.shape);
const TOP_FIELDS = Object.keys(explainerSchema.shape);

/** Validate frontmatter against the schema and locate every source (positions computed on demand). */
export function readFrontmatter(article: Article): Frontmatter {
  const result: Frontmatter = { sources: [], problems: [] };
  const yaml = article.yaml;
  if (!yaml) return result;
  const top = (): Place => yaml().place(0);
  const at = (node: YamlNode | null | undefined, fallback: () => Place): Place => (node?.range ? yaml().place(node.range[0]) : fallback());
  const nodeAt = (path: PropertyKey[]): YamlNode | undefined => {
    for (let i = path.length; i >= 0; i--) {
      const node = yaml().doc.getIn(path.slice(0, i) as unknown[], true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node) return node;
    }
    return undefined;
  };

  const raw = (article.frontmatter as { sources?: unknown } | undefined)?.sources;
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

  const parsed = explainerSchema.safeParse(article.frontmatter);
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  for (const issue of parsed.error.issues as Issue[]) {
    result.problems.push(describe(issue, result.sources, { path: (path) => at(nodeAt(path), top), offset: (o) => yaml().place(o), node: nodeAt }));
  }
  return result;
}

/** Ways to find a position in the frontmatter. */
interface Locator {
  path: (path: PropertyKey[]) => Place;
  offset: (offset: number) => Place;
  node: (path: PropertyKey[]) => YamlNode | undefined;
}

const KIND: Record<string, string> = { array: 'a list', object: 'a group of fields', string: 'text', number: 'a number', boolean: 'true or false', date: 'a date' };

/** Zod's default wording ("Invalid input: expected array, received undefined") in plain words. */
export function plainWords(message: string): string {
  const typed = /expected (\w+), received (\w+)/.exec(message);
  if (!typed) return message;
  if (typed[2] === 'undefined') return 'is required';
  return `must be ${KIND[typed[1]!] ?? typed[1]}, not ${KIND[typed[2]!] ?? typed[2]}`;
}

function describe(issue: Issue, sources: SourceRef[], locate: Locator): FieldProblem {
  issue = { ...issue, message: plainWords(issue.message) };
  const [head, index, field] = issue.path;
  const inSource = head === 'sources' && typeof index === 'number';
  const ruleId = head === 'sources' ? 'invalid-source' : 'invalid-frontmatter';
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const key = issue.keys[0]!;
    const allowed = inSource ? SOURCE_FIELDS : TOP_FIELDS;
    const suggestion = closest(key, allowed);
    const owner = inSource ? sourceLabel(sources[index]) : 'Frontmatter';
    const map = locate.node(issue.path);
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const place = pair && isScalar(pair.key) && pair.key.range ? locate.offset(pair.key.range[0]) : locate.path(issue.path);
    return {
      ruleId,
      message: `${owner} has an unknown field \`${key}\``,
      hint: suggestion ? `did you mean \`${suggestion}\`?` : `allowed fields: ${allowed.join(', ')}`,
      place,
    };
  }
  if (inSource) {
    const name = typeof field === 'string' ? `\`${field}\` ` : '';
    return { ruleId, message: `${sourceLabel(sources[index])}: ${name}${issue.message}`.replace(/\s+/g, ' '), place: locate.path(issue.path) };
  }
  const name = issue.path.length ? `\`${issue.path.join('.')}\` ` : 'Frontmatter ';
  return { ruleId, message: `${name}${issue.message}`, place: locate.path(issue.path) };
}

/** "Source 3 (`e3-draft`)" for messages. */
export function sourceLabel(source: SourceRef | undefined): string {
  if (!source) return 'Source';
  return source.id ? `Source ${source.index + 1} (\`${source.id}\`)` : `Source ${source.index + 1}`;
}
