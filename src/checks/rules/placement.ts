/** `citation-placement`: a citation goes right after its fact, before the full stop (the writers' guide). */
import { parseCitations } from '../../citations/parse.ts';
import { runOffset } from '../analyze.ts';
import { endsWithAbbreviation } from '../sentences.ts';
import { defineRule } from './types.ts';

/** Warn on `… troops. [@id]`: the marker would open the next sentence, or dangle after the last. */
export const citationPlacement = defineRule({
  id: 'citation-placement',
  severity: 'warning',
  docs: 'a citation after the full stop of the sentence it supports',
  hint: 'put the citation right after the fact, before the full stop',
  check: ({ body, report }) => {
    for (const claim of body.claims) {
      if (!claim.run) continue;
      const { text } = claim.run;
      for (const group of parseCitations(text).groups) {
        const before = text.slice(0, group.start).trimEnd();
        if (!/[.!?]$/.test(before) || endsWithAbbreviation(before)) continue;
        // `… [@a]. Next` and `… [@a][@b].` are in place; a citation after the stop is not.
        const after = text.slice(group.end);
        if (/^\s*[.!?]/.test(after)) continue;
        const stop = before.slice(-1);
        const words = before.slice(0, -1).split(/\s+/).slice(-3).join(' ');
        report(
          body.place(runOffset(claim.run, group.start)),
          `Citation comes after the ${stop === '.' ? 'full stop' : `"${stop}"`} of its sentence`,
          `move it before the ${stop === '.' ? 'full stop' : `"${stop}"`}: "… ${words} ${text.slice(group.start, group.end)}${stop}"`,
        );
      }
    }
  },
});
