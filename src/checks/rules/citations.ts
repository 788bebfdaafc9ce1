/** Rules about `[@id]` citations: unknown ids, unused sources, malformed syntax. */
import { closest } from '../../schema/suggest.ts';
import { defineRule } from './types.ts';

/** `unknown-source`: a citation whose id is not among the frontmatter sources. */
export const unknownSource = defineRule({
  id: 'unknown-source',
  severity: 'error',
  readsSources: true,
  docs: '`[@id]` names no source in the frontmatter (suggests the closest id)',
  hint: 'correct the id, or add a source with that id to the frontmatter',
  check: ({ body, frontmatter, report }) => {
    const known = new Set(frontmatter.sources.flatMap((s) => (s.id ? [s.id] : [])));
    for (const use of body.uses) {
      if (known.has(use.id)) continue;
      const suggestion = closest(use.id, known);
      report(
        use.place,
        `Citation \`@${use.id}\` names no source in the frontmatter`,
        suggestion ? `did you mean \`${suggestion}\`?` : `add a source with \`id: ${use.id}\` to the frontmatter \`sources\` list`,
      );
    }
  },
});

/** `unused-source`: a frontmatter source that no citation uses. */
export const unusedSource = defineRule({
  id: 'unused-source',
  severity: 'error',
  readsSources: true,
  docs: 'a source no citation uses',
  hint: 'cite it where it supports a claim, or remove it from `sources`',
  check: ({ body, frontmatter, report }) => {
    const used = new Set(body.uses.map((u) => u.id));
    for (const source of frontmatter.sources) {
      if (!source.id || used.has(source.id)) continue;
      report(source.idPlace, `Source \`${source.id}\` is never cited`, `cite it where it supports a claim, e.g. [@${source.id}], or remove it from \`sources\``);
    }
  },
});

/** `malformed-citation`: near-misses of the syntax, and citations no reader would see as one. */
export const malformedCitation = defineRule({
  id: 'malformed-citation',
  severity: 'error',
  docs:
    "near-misses: `[@]`, `[@ id]`, `[@id` never closed, `@id]`, `[@id, ]`, ids with capitals or symbols, a locator over 40 characters, and citations a reader would never see as one: inside a link's text, glued to a web address, in an image description, struck through",
  hint: 'write citations as [@id], [@a; @b] or [@id, p. 4], in the text itself',
  check: ({ body, report }) => {
    for (const problem of body.problems) report(problem.place, problem.message, problem.hint);
  },
});
