/**
 * The CSL-JSON download as reference managers and Pandoc use it: rendered by
 * a real citation processor (citeproc-js, through citation-js) in three
 * styles (APA, Harvard and Vancouver, the styles citation-js bundles). Each
 * kind of source must print as that kind of source, with none of the faults
 * the old export had: "[Preprint]" for analysis, the site's label in brackets
 * ("[News]"), "In crisis.zone. crisis.zone." and "In. Wikipedia".
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { SOURCE_TYPES } from '../../src/schema/explainer.ts';
import { toCslJson } from '../../src/site/csl.ts';
import { datedExplainer } from '../../src/site/explainer-dates.ts';
import { explainer, source } from '../helpers/explainer-data.ts';
import { ROOT } from '../helpers/site.ts';

const STYLES = ['apa', 'harvard1', 'vancouver'] as const;

/** One line per entry, as the processor writes a plain-text bibliography. */
function bibliography(json: string, style: string): string[] {
  const text = new Cite(JSON.parse(json)).format('bibliography', { format: 'text', template: style, lang: 'en-US' });
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The faults a reader would see in an entry, if any. */
function faults(entry: string, publisher: string): string[] {
  const found: string[] = [];
  if (/\[preprint\]/i.test(entry)) found.push('preprint');
  const label = new RegExp(`\\[(?:${SOURCE_TYPES.join('|')})\\]`, 'i');
  if (label.test(entry)) found.push('site label');
  if (/\bIn[.:]?\s*(?:[.,]|$)/.test(entry) || /\bIn:?\s+\[/.test(entry)) found.push('empty "In"');
  // Counted outside web addresses, which may well contain the publisher's name.
  const times = entry.replace(/https?:\/\/\S+/g, '').toLowerCase().split(publisher.toLowerCase()).length - 1;
  if (times > 1) found.push(`publisher ${times} times`);
  return found;
}

const sources = [
  source('news', { type: 'news', title: 'Europe rewrites the peace plan', publisher: 'crisis.zone', published: '2025-11-24', authorNames: [{ family: 'Roe', given: 'Jane' }], author: 'Jane Roe' }),
  source('analysis', { type: 'analysis', title: 'The framework collides with alliance doctrine', publisher: 'Think Tank Review' }),
  source('primary', { type: 'primary', title: 'Draft framework text', publisher: 'Example Government', published: '2025-11-18' }),
  source('official', { type: 'official', title: 'Statement on the talks', publisher: 'Foreign Ministry', author: 'Foreign Ministry', accessed: '2025-11-26' }),
  source('reference', { type: 'reference', title: 'Budapest Memorandum', publisher: 'Wikipedia' }),
  source('plain', { title: 'A page with no label', publisher: 'Example Site' }),
];
const json = toCslJson(explainer('csl', { sources }).data.sources);

describe('CSL-JSON rendered by citeproc-js', () => {
  for (const style of STYLES) {
    it(`prints every kind of source cleanly in ${style}`, () => {
      const entries = bibliography(json, style);
      expect(entries).toHaveLength(sources.length);
      for (const s of sources) {
        const entry = entries.find((line) => line.includes(String(s.title)));
        expect(entry, `${s.id} in ${style}`).toBeDefined();
        expect(faults(entry!, String(s.publisher)), entry).toEqual([]);
        // The publisher is still named, once: as the newspaper, the site, the encyclopaedia or the issuer.
        expect(entry!.toLowerCase(), entry).toContain(String(s.publisher).toLowerCase());
        expect(entry, entry).toContain(String(s.url));
      }
    });
  }

  it('names the encyclopaedia an entry is in, and the author by family name', () => {
    const [apa, vancouver] = [bibliography(json, 'apa'), bibliography(json, 'vancouver')];
    expect(apa.find((line) => line.includes('Budapest'))).toContain('In Wikipedia');
    expect(vancouver.find((line) => line.includes('Budapest'))).toContain('In: Wikipedia');
    expect(apa.find((line) => line.includes('Europe rewrites'))).toMatch(/^Roe, J\. \(2025, November 24\)/);
    expect(vancouver.find((line) => line.includes('Europe rewrites'))).toMatch(/Roe J\. Europe rewrites/);
  });

  it('prints the sample explainers’ sources without faults in every style', async () => {
    const dir = join(ROOT, 'content/explainers');
    const files = (await readdir(dir)).filter((file) => file.endsWith('.mdx'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const entry = datedExplainer(file, await readFile(join(dir, file), 'utf8'));
      expect(entry, file).toBeDefined();
      const cited = entry!.data.sources;
      for (const style of STYLES) {
        const lines = bibliography(toCslJson(cited), style);
        expect(lines, `${file} ${style}`).toHaveLength(cited.length);
        for (const line of lines) {
          const publisher = cited.find((s) => line.includes(s.url))?.publisher;
          expect(publisher, line).toBeDefined();
          expect(faults(line, publisher!), `${file} ${style}: ${line}`).toEqual([]);
        }
      }
    }
  });
});
