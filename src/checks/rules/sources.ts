/** Rules about the sources list itself: validity and duplicates. */
import { normalizeUrl } from '../../schema/url.ts';
import { sourceLabel } from '../frontmatter.ts';
import type { Rule } from './types.ts';

/** `duplicate-source`: two sources with one id (error) or one normalised URL (warning). */
export const duplicateSource: Rule = ({ frontmatter, report }) => {
  const ids = new Map<string, number>();
  const urls = new Map<string, string>();
  for (const source of frontmatter.sources) {
    if (source.id) {
      const first = ids.get(source.id);
      if (first !== undefined) {
        report(source.idPlace, `${sourceLabel(source)} repeats the id of source ${first + 1}`, 'give each source its own id, or merge the two entries');
      } else ids.set(source.id, source.index);
    }
    if (source.url) {
      const key = normalizeUrl(source.url);
      const other = urls.get(key);
      if (other !== undefined && other !== source.id) {
        report(source.urlPlace, `${sourceLabel(source)} has the same URL as \`${other}\``, `cite \`${other}\` instead and remove this entry`, 'warning');
      } else if (other === undefined) urls.set(key, source.id ?? '');
    }
  }
};

/** `invalid-source`: schema problems under `sources`, and impossible dates. */
export const invalidSource: Rule = ({ frontmatter, report, now }) => {
  for (const problem of frontmatter.problems) {
    if (problem.ruleId === 'invalid-source') report(problem.place, problem.message, problem.hint);
  }
  for (const [index, source] of (frontmatter.data?.sources ?? []).entries()) {
    const ref = frontmatter.sources[index];
    if (!ref) continue;
    if (source.accessed && source.accessed.getTime() > now.getTime()) {
      report(ref.fieldPlace('accessed'), `${sourceLabel(ref)}: \`accessed\` is in the future`, 'use the date you last opened the source, today or earlier');
    }
    if (source.accessed && source.published && source.accessed < source.published) {
      report(ref.fieldPlace('accessed'), `${sourceLabel(ref)}: \`accessed\` is before \`published\``, 'a source cannot be read before it was published; check both dates');
    }
    if (source.published && source.published.getTime() > now.getTime()) {
      report(ref.fieldPlace('published'), `${sourceLabel(ref)}: \`published\` is in the future`, 'check the publication date on the source');
    }
  }
};
