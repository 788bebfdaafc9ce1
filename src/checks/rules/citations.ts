/** Rules about `[@id]` citations: unknown ids, unused sources, malformed syntax. */
import { fixId } from '../../citations/id-slips.ts';
import { SOURCE_ID_PATTERN } from '../../schema/explainer.ts';
import { closest } from '../../schema/suggest.ts';
import { defineRule } from './types.ts';

/** Distinct unknown ids per file that get a "did you mean" (see below). */
const MAX_SUGGESTED = 50;

/** `unknown-source`: a citation whose id is not among the frontmatter sources. */
export const unknownSource = defineRule({
  id: 'unknown-source',
  severity: 'error',
  readsSources: true,
  docs: '`[@id]` names no source in the frontmatter (suggests the closest id)',
  hint: 'correct the id, or add a source with that id to the frontmatter',
  check: ({ article, body, frontmatter, report }) => {
    // Without a `sources` list (missing, misspelt `source:`) every citation is unknown: said once, not per citation.
    if (!Array.isArray((article.source.data as { sources?: unknown } | undefined)?.sources)) {
      if (body.uses[0]) report(body.uses[0].place, 'Citations name no source: the frontmatter has no `sources` list', 'fix the `sources` list first (the frontmatter message says how), then check again');
      return;
    }
    const ids = frontmatter.sources.flatMap((s) => (s.id ? [s.id] : []));
    // A source whose own id is malformed (`E3-Draft`): a citation of the id it should have is right, so the
    // fix is in the source, and no citation is ever told to copy the malformed id.
    const known = new Set(ids.filter((id) => SOURCE_ID_PATTERN.test(id)));
    const meant = new Map(ids.filter((id) => !SOURCE_ID_PATTERN.test(id)).map((id) => [fixId(id), id]));
    // Each suggestion compares one id with every source id: only the first few distinct ids get one,
    // so a file of thousands of unknown ids and sources is still checked in linear time.
    const suggestions = new Map<string, string | undefined>();
    for (const use of body.uses) {
      if (known.has(use.id)) continue;
      const written = meant.get(use.id);
      if (written !== undefined) {
        report(use.place, `Citation \`@${use.id}\` names no source: its source's id is written \`${written}\``, `correct the id in \`sources\`: id: ${use.id}`);
        continue;
      }
      if (!suggestions.has(use.id) && suggestions.size < MAX_SUGGESTED) suggestions.set(use.id, closest(use.id, known));
      const suggestion = suggestions.get(use.id);
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
  check: ({ article, body, frontmatter, config, report }) => {
    const used = new Set(body.uses.map((u) => u.id));
    // A citation typed wrong but clearly meant for this source is reported as that (while it is an error).
    if (config.rules['malformed-citation'] === 'error') for (const problem of body.problems) for (const id of problem.intended ?? []) used.add(id);
    for (const source of frontmatter.sources) {
      // A malformed id is reported by invalid-source, with the id to write; citations use that one.
      if (!source.id || used.has(source.id) || !SOURCE_ID_PATTERN.test(source.id)) continue;
      const slip = uncitedMention(article.source.text, article.source.frontmatter?.end ?? 0, source.id);
      if (slip) {
        report(body.place(slip.offset), `\`${slip.written}\` is not a citation, so source \`${source.id}\` is never cited`, `write it as [@${source.id}]`);
        continue;
      }
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

/**
 * The id of an uncited source typed in the text the wrong way, e.g. `(@id)`, `{@id}`, `[#id]`, or `@id`
 * with no brackets (a `[@` the citation parser reports itself): its first place after the frontmatter (offset `from`) and what was typed. Only read for a
 * source nothing cites, so clean files never pay for it.
 */
function uncitedMention(text: string, from: number, id: string): { offset: number; written: string } | undefined {
  const mention = new RegExp(`(?<![\\w.[])(?:[({]|\\[(?=#))?[@#\\uff20]${id.replace(/-/g, '\\-')}(?![a-z0-9-])[)\\]}]?`, 'i');
  const found = mention.exec(text.slice(from));
  return found ? { offset: from + found.index, written: found[0] } : undefined;
}
