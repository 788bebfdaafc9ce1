/** JSON-LD, RSS, CSL-JSON and the "Cite this" reference: valid shapes, escaped, typeset strings. */
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { agent, newsArticleLd, serializeJsonLd } from '../../src/site/json-ld.ts';
import { feedOptions } from '../../src/site/feed.ts';
import { toCslJson } from '../../src/site/csl.ts';
import { citeExplainer } from '../../src/site/cite.ts';
import { typeset } from '../../src/site/typography.ts';
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
    source('story', { type: 'news', publisher: 'Reuters & Co', author: 'Ana María López and Reuters', authorNames: [{ family: 'López', given: 'Ana María' }, { family: 'Reuters' }] }),
    source('plain', {}),
  ],
});

describe('JSON-LD NewsArticle', () => {
  const ld = newsArticleLd(entry, SITE);
  const text = serializeJsonLd(ld);

  it('describes the explainer with dates, authors, publisher, logo, image and canonical URL', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      // Typeset as the page shows it: curly quotes from the frontmatter's straight ones.
      headline: typeset(HOSTILE),
      url: 'https://news.example/explainers/deal/part-1/',
      datePublished: '2025-11-20',
      dateModified: '2025-11-22',
      author: [{ '@type': 'Person', name: 'Ana Lopez' }, { '@type': 'Organization', name: 'Explainers desk' }],
      publisher: {
        '@type': 'Organization',
        name: 'Sourced Explainers',
        url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/social/logo.png', width: 512, height: 512 },
      },
      image: { '@type': 'ImageObject', url: 'https://news.example/social/default.png', width: 1200, height: 630 },
      inLanguage: 'en-GB',
      keywords: 'Peace talks, NATO',
    });
  });

  it('uses the explainer’s own image when it has one, at an absolute URL', () => {
    const own = newsArticleLd(explainer('x', { image: '/images/talks.png', imageAlt: 'The negotiating table' }), SITE);
    expect(own.image).toEqual({ '@type': 'ImageObject', url: 'https://news.example/images/talks.png' });
  });

  it('has a citation per source with its URL, publisher, date and archived copy', () => {
    expect(ld.citation).toEqual([
      { '@type': 'DigitalDocument', name: 'The <plan>', url: 'https://example.test/plan', publisher: { '@type': 'Organization', name: 'Example Wire' }, author: { '@type': 'Person', name: 'Jane Roe' }, datePublished: '2025-11-01', archivedAt: 'https://archive.example/plan' },
      {
        '@type': 'NewsArticle',
        name: 'Title story',
        url: 'https://example.test/story',
        publisher: { '@type': 'Organization', name: 'Reuters & Co' },
        author: [
          { '@type': 'Person', name: 'Ana María López', familyName: 'López', givenName: 'Ana María' },
          { '@type': 'Person', name: 'Reuters', familyName: 'Reuters' },
        ],
      },
      { '@type': 'CreativeWork', name: 'Title plain', url: 'https://example.test/plain', publisher: { '@type': 'Organization', name: 'Example Wire' } },
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
    // One dc:creator per author, in byline order: feed readers list each as one person.
    expect([...items[0]!.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Ana Lopez', 'Explainers desk']);
    expect(items[0]).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Title and summary typeset as on the page (curly quotes), then escaped.
    expect(items[0]).toMatch(/<title>Deal &lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &lt;!\S* &amp; “quotes”/);
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

  it('is an array with one item per source, typed, dated and linked, with no site label in genre', () => {
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      id: 'plan',
      type: 'document',
      title: 'The <plan>',
      URL: 'https://example.test/plan',
      publisher: 'Example Wire',
      author: [{ literal: 'Jane Roe' }],
      issued: { 'date-parts': [[2025, 11, 1]] },
      accessed: { 'date-parts': [[2025, 11, 19]] },
      note: 'Archived copy: https://archive.example/plan\nQuoted: “Cap of "600,000"”',
    });
    expect(items[1]).toEqual({
      id: 'story',
      type: 'article-newspaper',
      title: 'Title story',
      URL: 'https://example.test/story',
      'container-title': 'Reuters & Co',
      author: [{ family: 'López', given: 'Ana María' }, { family: 'Reuters' }],
    });
    expect(items[2]).toEqual({ id: 'plain', type: 'webpage', title: 'Title plain', URL: 'https://example.test/plain', 'container-title': 'Example Wire' });
    for (const item of items) expect(item).not.toHaveProperty('genre');
  });

  it('maps each source label to the CSL type styles expect, naming the publisher once', () => {
    const shapes = Object.fromEntries(
      (['news', 'analysis', 'primary', 'official', 'reference'] as const).map((type) => {
        const [item] = JSON.parse(toCslJson(explainer('t', { sources: [source('s', { type })] }).data.sources)) as Array<Record<string, unknown>>;
        return [type, [item!.type, item!['container-title'] ?? null, item!.publisher ?? null]];
      }),
    );
    expect(shapes).toEqual({
      news: ['article-newspaper', 'Example Wire', null],
      analysis: ['article-magazine', 'Example Wire', null],
      primary: ['document', null, 'Example Wire'],
      official: ['report', null, 'Example Wire'],
      reference: ['entry-encyclopedia', 'Example Wire', null],
    });
    // An organisation that wrote and published the statement is its author, not named twice.
    const [ministry] = JSON.parse(toCslJson(explainer('m', { sources: [source('m', { type: 'official', author: 'Example Wire' })] }).data.sources)) as Array<Record<string, unknown>>;
    expect(ministry).toMatchObject({ author: [{ literal: 'Example Wire' }] });
    expect(ministry).not.toHaveProperty('publisher');
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
