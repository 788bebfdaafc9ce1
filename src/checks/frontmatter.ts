/**
 * Frontmatter validation with positions: Zod issues become readable
 * messages at the YAML line of the offending field.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
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

/** Validate frontmatter against the schema and locate every source. */
export function readFrontmatter(article: Article): Frontmatter {
  const result: Frontmatter = { sources: [], problems: [] };
  const yaml = article.yaml;
  if (!yaml) return result;
  const at = (node: YamlNode | null | undefined, fallback: Place): Place => (node?.range ? yaml.place(node.range[0]) : fallback);
  const top: Place = yaml.place(0);
  const nodeAt = (path: PropertyKey[]): YamlNode | undefined => {
    for (let i = path.length; i >= 0; i--) {
      const node = yaml.doc.getIn(path.slice(0, i) as unknown[], true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node) return node;
    }
    return undefined;
  };

  const seq = yaml.doc.get('sources', true);
  if (isSeq(seq)) {
    seq.items.forEach((item, index) => {
      const place = at(item as YamlNode, top);
      const field = (name: string) => (isMap(item) ? (item.get(name, true) as YamlNode | undefined) : undefined);
      const value = (name: string) => {
        const node = field(name);
        return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      };
      result.sources.push({
        index,
        id: value('id'),
        url: value('url'),
        place,
        idPlace: at(field('id'), place),
        urlPlace: at(field('url'), place),
        fieldPlace: (name) => at(field(name), place),
      });
    });
  }

  const parsed = explainerSchema.safeParse(article.frontmatter);
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  for (const issue of parsed.error.issues as Issue[]) {
    result.problems.push(describe(issue, result.sources, { path: (path) => at(nodeAt(path), top), offset: yaml.place, node: nodeAt }));
  }
  return result;
}

/** Ways to find a position in the frontmatter. */
interface Locator {
  path: (path: PropertyKey[]) => Place;
  offset: (offset: number) => Place;
  node: (path: PropertyKey[]) => YamlNode | undefined;
}

function describe(issue: Issue, sources: SourceRef[], locate: Locator): FieldProblem {
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
