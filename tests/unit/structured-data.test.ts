/** JSON-LD, RSS, CSL-JSON and the "Cite this" reference: valid shapes, escaped strings. */
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { agent, newsArticleLd, serializeJsonLd } from '../../src/site/json-ld.ts';
import { feedOptions } from '../../src/site/feed.ts';
import { toCslJson } from '../../src/site/csl.ts';
import { citeExplainer } from '../../src/site/cite.ts';
import { explainer, source } from '../helpers/explainer-data.ts';

const SITE = 'https://news.example/';
const HOSTILE = 'Deal </script><script>alert(1)</script> <!-- & "quotes" \u2028 end';
const entry = explainer('deal/part-1', {
  title: HOSTILE,
  summary: 'A summary with <b>tags</b> & ampersands.',
  published: '2025-11-20',
  updated: '2025-11-22',
  authors: ['Ana Lopez', 'Explainers desk'],
  topics: ['Peace talks', 'NATO'],
  corrections: [{ date: '2025-11-22', text: 'Fixed a </script> date.' }],
  sources: [
    source('plan', { title: 'The <plan>', type: 'primary', author: 'Jane Roe', published: '2025-11-01', accessed: '2025-11-19', archived: 'https://archive.example/plan', quote: 'Cap of "600,000"' }),
    source('story', { type: 'news', publisher: 'Reuters & Co' }),
    source('plain', {}),
  ],
});

describe('JSON-LD NewsArticle', () => {
  const ld = newsArticleLd(entry, SITE);
  const text = serializeJsonLd(ld);

  it('describes the explainer with dates, authors, publisher and canonical URL', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: HOSTILE,
      url: 'https://news.example/explainers/deal/part-1/',
      datePublished: '2025-11-20',
      dateModified: '2025-11-22',
      author: [{ '@type': 'Person', name: 'Ana Lopez' }, { '@type': 'Organization', name: 'Explainers desk' }],
      publisher: { '@type': 'Organization', name: 'Sourced Explainers', url: 'https://news.example/' },
      keywords: 'Peace talks, NATO',
    });
  });

  it('has a citation per source with its URL, publisher, date and archived copy', () => {
    expect(ld.citation).toEqual([
      { '@type': 'DigitalDocument', name: 'The <plan>', url: 'https://example.org/plan', publisher: { '@type': 'Organization', name: 'Example Wire' }, author: { '@type': 'Person', name: 'Jane Roe' }, datePublished: '2025-11-01', archivedAt: 'https://archive.example/plan' },
      { '@type': 'NewsArticle', name: 'Title story', url: 'https://example.org/story', publisher: { '@type': 'Organization', name: 'Reuters & Co' } },
      { '@type': 'CreativeWork', name: 'Title plain', url: 'https://example.org/plain', publisher: { '@type': 'Organization', name: 'Example Wire' } },
    ]);
  });

  it('falls back to the publication date when never updated', () => {
    expect(newsArticleLd(explainer('x'), SITE).dateModified).toBe('2025-11-20');
  });

  it('serialises so no string can close the script element or open a comment, and parses back unchanged', () => {
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(text)).toEqual(ld);
  });

  it('tells people from organisations by byline words', () => {
    expect(agent('Reuters staff')['@type']).toBe('Organization');
    expect(agent('Maria Desková')['@type']).toBe('Person');
  });
});

describe('RSS feed', () => {
  it('is RSS 2.0 with one escaped item per explainer, absolute links and topics as categories', async () => {
    const xml = await getRssString(feedOptions([entry, explainer('second', { published: '2025-11-01' })], SITE));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(xml).toContain('<atom:link href="https://news.example/rss.xml" rel="self" type="application/rss+xml"/>');
    const items = xml.match(/<item>[\s\S]*?<\/item>/g) ?? [];
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('<link>https://news.example/explainers/deal/part-1/</link>');
    expect(items[0]).toContain('<pubDate>Thu, 20 Nov 2025 00:00:00 GMT</pubDate>');
    expect(items[0]).toContain('<category>Peace talks</category>');
    expect(items[0]).toContain('<dc:creator>Ana Lopez and Explainers desk</dc:creator>');
    expect(items[0]).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(items[0]).toContain('A summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.');
    // No raw markup from frontmatter anywhere in the feed.
    expect(xml).not.toMatch(/<(?:script|b)>/);
    // Every element opened is closed: a cheap well-formedness check.
    const open = [...xml.matchAll(/<([a-z:]+)[\s>]/g)].filter((m) => !xml.slice(m.index).match(/^<[^>]*\/>/)).map((m) => m[1]);
    const closed = [...xml.matchAll(/<\/([a-z:]+)>/g)].map((m) => m[1]);
    expect(closed.sort()).toEqual(open.sort());
  });
});

describe('CSL-JSON', () => {
  const items = JSON.parse(toCslJson(entry.data.sources)) as Array<Record<string, unknown>>;

  it('is an array with one item per source, typed, dated and linked', () => {
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      id: 'plan',
      type: 'document',
      title: 'The <plan>',
      URL: 'https://example.org/plan',
      publisher: 'Example Wire',
      author: [{ literal: 'Jane Roe' }],
      issued: { 'date-parts': [[2025, 11, 1]] },
      accessed: { 'date-parts': [[2025, 11, 19]] },
      genre: 'primary',
      note: 'Archived copy: https://archive.example/plan\nQuoted: “Cap of "600,000"”',
    });
    expect(items[1]).toMatchObject({ type: 'article-newspaper', 'container-title': 'Reuters & Co' });
    expect(items[2]).toEqual({ id: 'plain', type: 'webpage', title: 'Title plain', URL: 'https://example.org/plain', publisher: 'Example Wire' });
  });

  it('gives every item the fields CSL processors require', () => {
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.type).toBe('string');
    }
  });
});

describe('Cite this explainer', () => {
  it('builds a reference with authors, year, title, site, dates and URL', () => {
    const cite = citeExplainer(explainer('deal', { title: 'What the deal says', updated: '2025-11-22', authors: ['Ana Lopez', 'Ben Ode'] }), SITE);
    expect(cite.text).toBe('Ana Lopez and Ben Ode (2025). “What the deal says.” Sourced Explainers, 20 November 2025 (updated 22 November 2025). https://news.example/explainers/deal/');
  });
  it('does not double a title’s own closing punctuation', () => {
    expect(citeExplainer(explainer('q', { title: 'Will the talks hold?' }), SITE).title).toBe('Will the talks hold?');
  });
});
