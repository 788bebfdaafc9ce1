/** Rules about `[@id]` citations: unknown ids, unused sources, malformed syntax. */
import { closest } from '../suggest.ts';
import type { Rule } from './types.ts';

/** `unknown-source`: a citation whose id is not among the frontmatter sources. */
export const unknownSource: Rule = ({ body, frontmatter, report }) => {
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
};

/** `unused-source`: a frontmatter source that no citation uses. */
export const unusedSource: Rule = ({ body, frontmatter, report }) => {
  const used = new Set(body.uses.map((u) => u.id));
  for (const source of frontmatter.sources) {
    if (!source.id || used.has(source.id)) continue;
    report(source.idPlace, `Source \`${source.id}\` is never cited`, `cite it where it supports a claim, e.g. [@${source.id}], or remove it from \`sources\``);
  }
};

/** `malformed-citation`: near-misses of the syntax that would render as plain text. */
export const malformedCitation: Rule = ({ body, report }) => {
  for (const problem of body.problems) report(problem.place, problem.message, problem.hint);
};
