/**
 * `unfinished`: nothing of the scaffold is published. A new explainer starts
 * with an example source, lines that say "Replace" and example sentences
 * (src/schema/placeholders.ts); any of them left is an error, at its line.
 */
import { isExampleText, isExampleUrl, PLACEHOLDER } from '../../schema/placeholders.ts';
import { sourceLabel } from '../../schema/validate.ts';
import { defineRule } from './types.ts';

/** Every text value of the frontmatter that still says "Replace", with its path. */
function placeholders(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholders(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...path, key]));
  return [];
}

/** A field path as writers read it: `summary`, `sources` (entry 1) `title`. */
const fieldName = (path: Array<string | number>) => path.map((part) => (typeof part === 'number' ? `(entry ${part + 1})` : `\`${part}\``)).join(' ');

export const unfinished = defineRule({
  id: 'unfinished',
  severity: 'error',
  docs: 'something of the `npm run new` scaffold left in: the example source or any example.org/.com/.net address, a line that says "Replace", an example sentence',
  hint: 'replace it with your own text and sources, or delete it',
  check: ({ article, body, frontmatter, report }) => {
    const examples = new Set<string>();
    for (const source of frontmatter.sources) {
      if (source.url && isExampleUrl(source.url)) {
        if (source.id) examples.add(source.id);
        report(source.urlPlace, `${sourceLabel(source)} still has an example web address`, 'replace it with the address of the page you cite (npm run new -- --source <url> fills in a source for you), or delete the source');
      }
    }
    const located = () => article.source.yaml();
    for (const path of placeholders(article.source.data)) {
      const node = located()?.doc.getIn(path, true) as { range?: [number, number] } | undefined;
      const place = node?.range ? located()!.place(node.range[0]) : { line: 1, column: 1 };
      report(place, `${fieldName(path)} still says "Replace …"`, 'write your own text in its place');
    }
    for (const use of body.uses) {
      if (examples.has(use.id)) report(use.place, `This cites the example source \`${use.id}\``, 'cite one of your own sources here, or delete the example text');
    }
    // Looked for block by block only in a file that holds one of the example sentences at all.
    if (!isExampleText(article.source.text)) return;
    for (const claim of body.claims) {
      if (isExampleText(claim.text)) report(claim.place, 'This is an example sentence of a new explainer', 'delete it and write your own');
    }
    for (const block of body.analyses) {
      if (isExampleText(block.text)) report(block.place, 'This is the example Analysis of a new explainer', 'write the site\'s own interpretation in it, or delete the block');
    }
  },
});
