/** Rules about the sources list itself: validity and duplicates. */
import { normalizeUrl } from '../../schema/url.ts';
import { sourceLabel } from '../../schema/validate.ts';
import { defineRule } from './types.ts';

/** `duplicate-source`: two sources with one id (error) or one normalised URL (warning). */
export const duplicateSource = defineRule({
  id: 'duplicate-source',
  severity: 'error',
  readsSources: true,
  docs: 'two sources with one id (error); two with the same URL (warning)',
  hint: 'give each source its own id, or merge the two entries',
  check: ({ frontmatter, report }) => {
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
  },
});

/**
 * A publisher written as the source's own host name ("reuters.com"), on the common
 * generic and country endings; a brand that is its address ("crisis.zone") is left alone.
 */
function isWebAddress(publisher: string, url: string): boolean {
  const name = publisher.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  return name === host && /\.(?:com|org|net|gov|edu|int|info|io|co\.uk|org\.uk|gov\.uk|ac\.uk|com\.au|de|fr|it|es|nl|ru|ua|eu|ch)$/.test(host);
}

/** `invalid-source`: schema problems under `sources`, impossible dates, a web address as publisher. */
export const invalidSource = defineRule({
  id: 'invalid-source',
  severity: 'error',
  readsSources: true,
  docs: 'URL or archived URL not `http(s)://`, missing title/url/publisher, unknown field, `accessed` in the future or before `published` (errors); a publisher written as its web address, e.g. `reuters.com` (warning)',
  hint: 'give every source an id, a title, an https:// url and a publisher',
  check: ({ frontmatter, report, now }) => {
    for (const problem of frontmatter.problems) {
      if (problem.inSources) report(problem.place, problem.message, problem.hint);
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
      if (isWebAddress(source.publisher, source.url)) {
        report(ref.fieldPlace('publisher'), `${sourceLabel(ref)}: the publisher \`${source.publisher}\` is the site's web address`, 'write who published it, by name: Reuters, not reuters.com', 'warning');
      }
    }
  },
});
