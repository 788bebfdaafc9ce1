/**
 * How explainer frontmatter is read as data. Astro reads YAML with js-yaml,
 * whose timestamp type quietly rolls impossible dates over (`2025-02-30`
 * becomes 2 March). The checks read the same YAML with dates left as text, so
 * the schema's date field sees what the writer typed and refuses such a date.
 */
import * as jsYaml from 'js-yaml';
import { CORE_SCHEMA, load, type Type } from 'js-yaml';

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const types = (jsYaml as unknown as { types: Record<'merge' | 'binary' | 'omap' | 'pairs' | 'set', Type> }).types;

/** js-yaml's default schema without the timestamp type. */
const FRONTMATTER_SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge], explicit: [types.binary, types.omap, types.pairs, types.set] });

/** Parse frontmatter YAML; dates stay strings. Throws js-yaml's YAMLException on bad YAML. */
export function loadYaml(text: string): unknown {
  return load(text, { schema: FRONTMATTER_SCHEMA }) ?? {};
}
