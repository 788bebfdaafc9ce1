/**
 * Reading a source's details from a page's metadata: which style wins, what
 * is refused rather than guessed (dates, publishers that are web addresses),
 * site names trimmed from titles, and readable ids that keep numbers.
 */
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../src/cli/lib/autofill.ts';
import { jsonLdArticle, readPageMetadata } from '../../src/cli/lib/page-metadata.ts';
import { joinAuthors, languageTag, sourceFields, statedDate, stripSiteName } from '../../src/cli/lib/source-fields.ts';
import { sourceId } from '../../src/cli/lib/source-id.ts';

const page = (head: string, lang = '') => readPageMetadata(`<!doctype html><html${lang}><head>${head}</head><body><p>Text</p></body></html>`);
const fieldsOf = (head: string, url = 'https://www.example-news.com/world/story') => sourceFields(page(head), url);
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('dates', () => {
  it('takes only a whole, real date the page states, as written in its own time zone', () => {
    expect(statedDate('2025-11-24')).toBe('2025-11-24');
    expect(statedDate('2025/03/14')).toBe('2025-03-14');
    expect(statedDate('2025-11-20T23:15:00-05:00')).toBe('2025-11-20');
    expect(statedDate('24 November 2025')).toBe('2025-11-24');
    expect(statedDate('Nov. 4, 2025')).toBe('2025-11-04');
    for (const vague of ['2025', '2025-11', '24/11/2025', '11/24/2025', '2025-02-30', 'yesterday', '', 'Smarch 3, 2025']) expect(statedDate(vague), vague).toBeUndefined();
  });
});

describe('titles', () => {
  it('drops the site name around a headline, and nothing that belongs to it', () => {
    expect(stripSiteName('Talks end | Reuters', ['Reuters'], 'reuters.com', false)).toBe('Talks end');
    expect(stripSiteName('BBC News - Talks end in Geneva', [], 'bbc.co.uk', false)).toBe('Talks end in Geneva');
    expect(stripSiteName('Talks end – Reuters.com', [], 'reuters.com', false)).toBe('Talks end');
    expect(stripSiteName('Ukraine - Russia talks resume', ['Reuters'], 'reuters.com', false)).toBe('Ukraine - Russia talks resume');
    // A browser <title> almost always ends "| Site": a short last part goes, a long one stays.
    expect(stripSiteName('Monitors report 40 violations | Frontline Daily', [], 'frontline.example', true)).toBe('Monitors report 40 violations');
    expect(stripSiteName('Talks | What the ceasefire line means for the towns on both sides', [], 'x.example', true)).toBe('Talks | What the ceasefire line means for the towns on both sides');
    expect(stripSiteName('Reuters', ['Reuters'], 'reuters.com', true)).toBe('Reuters');
  });

  it('prefers citation_title, then JSON-LD, Dublin Core, Open Graph and <title> last', () => {
    const all = '<title>E | Site</title><meta property="og:title" content="D"><meta name="DC.title" content="C">' + ld({ '@type': 'NewsArticle', headline: 'B' }) + '<meta name="citation_title" content="A">';
    expect(fieldsOf(all).title).toBe('A');
    expect(fieldsOf(all.replace(/<meta name="citation_title"[^>]+>/, '')).title).toBe('B');
    expect(fieldsOf('<title>E | Site</title><meta property="og:title" content="D"><meta name="DC.title" content="C">').title).toBe('C');
    expect(fieldsOf('<title>E | Site</title><meta property="og:title" content="D">').title).toBe('D');
    expect(fieldsOf('<title>E | Site</title>').title).toBe('E');
    expect(fieldsOf('<meta name="description" content="no title here">')).toEqual({});
  });
});

describe('publishers and authors', () => {
  it('never takes a web address for a publisher, nor a name too long for one', () => {
    expect(fieldsOf('<meta property="og:site_name" content="www.example-news.com">').publisher).toBeUndefined();
    expect(fieldsOf('<meta property="og:site_name" content="https://example-news.com/">').publisher).toBeUndefined();
    expect(fieldsOf(`<meta property="og:site_name" content="${'Long '.repeat(30)}">`).publisher).toBeUndefined();
    expect(fieldsOf('<meta property="og:site_name" content="reuters.com">' + ld({ '@type': 'Article', headline: 'H', publisher: { '@type': 'Organization', name: 'Reuters' } })).publisher).toBe('Reuters');
    expect(fieldsOf('<meta property="og:site_name" content="The Kyiv Independent">').publisher).toBe('The Kyiv Independent');
  });

  it('reads JSON-LD authors written as a string, an object, an array or a reference', () => {
    expect(jsonLdArticle([{ '@type': 'NewsArticle', author: 'Jane Doe' }])?.authors).toEqual(['Jane Doe']);
    expect(jsonLdArticle([{ '@type': 'Article', author: { '@type': 'Person', name: 'Jane Doe' } }])?.authors).toEqual(['Jane Doe']);
    expect(jsonLdArticle([[{ '@type': 'WebPage' }, { '@type': 'https://schema.org/NewsArticle', author: ['A B', { name: 'C D' }] }]])?.authors).toEqual(['A B', 'C D']);
    const graph = { '@graph': [{ '@type': 'Person', '@id': '#p', name: 'Ref Erence' }, { '@type': ['BlogPosting'], author: { '@id': '#p' }, publisher: 'Plain Name' }] };
    expect(jsonLdArticle([graph])).toMatchObject({ authors: ['Ref Erence'], publisher: 'Plain Name' });
    expect(jsonLdArticle([{ '@type': 'WebPage', mainEntity: { '@type': 'ReportageNewsArticle', headline: 'Nested' } }])?.headline).toBe('Nested');
    expect(jsonLdArticle([{ '@type': 'Organization', name: 'Not an article' }])).toBeUndefined();
  });

  it('writes names as readers expect them, without profile links, bylines or the publisher itself', () => {
    expect(fieldsOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="van der Berg, Anna">').author).toBe('Jane Doe and Anna van der Berg');
    expect(fieldsOf('<meta property="article:author" content="https://facebook.com/jane"><meta name="author" content="By Jane Doe">').author).toBe('Jane Doe');
    expect(fieldsOf('<meta property="og:site_name" content="Reuters"><meta name="author" content="Reuters">').author).toBeUndefined();
    expect(joinAuthors(['A', 'B', 'C', 'D', 'E', 'a'])).toBe('A, B, C and 2 others');
  });
});

describe('language', () => {
  it('takes the page\'s declared language in canonical form, or none', () => {
    expect(languageTag('en_US')).toBe('en-US');
    expect(languageTag('FR')).toBe('fr');
    expect(languageTag('english')).toBeUndefined();
    expect(fieldsOf('<meta property="og:locale" content="de_DE">', undefined).language).toBe('de-DE');
    expect(sourceFields(page('<meta name="DC.language" content="uk">', ' lang="en"'), 'https://a.example/').language).toBe('uk');
  });
});

describe('charsets', () => {
  it('decodes the page in the charset it declares, in its header, <meta> or byte-order mark', () => {
    const latin1 = Buffer.concat([Buffer.from('<title>Caf'), Buffer.from([0xe9]), Buffer.from('</title>')]);
    expect(decodePage(latin1, 'text/html; charset=ISO-8859-1')).toBe('<title>Café</title>');
    expect(decodePage(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]), 'text/html')).toContain('Café');
    expect(decodePage(Buffer.from('\uFEFF<title>Ünïcode</title>'), 'text/html; charset=iso-8859-1')).toBe('<title>Ünïcode</title>');
    expect(decodePage(Buffer.from('<title>Київ</title>'), 'text/html')).toBe('<title>Київ</title>');
  });
});

describe('source ids', () => {
  it('keeps numbers, drops small words and article numbers, and names the site', () => {
    expect(sourceId('https://crisis.zone/us-drafts-28-point-peace-plan', 'US drafts 28-point peace plan for Ukraine', new Set())).toBe('crisis-us-drafts-28-point');
    expect(sourceId('https://crisis.zone/us-drafts-28-point-peace-plan', undefined, new Set())).toBe('crisis-us-drafts-28-point');
    expect(sourceId('https://www.reuters.com/world/europe/ukraine-peace-plan-2025-11-24/', undefined, new Set())).toBe('reuters-ukraine-peace-plan');
    expect(sourceId('https://www.bbc.co.uk/news/articles/c123456789', 'What the 2025 budget means for the war', new Set())).toBe('bbc-2025-budget-means-war');
    expect(sourceId('https://apnews.com/article/123456789-talks-collapse', undefined, new Set())).toBe('apnews-talks-collapse');
  });

  it('falls back to the address for a title without Latin letters, and stays unique', () => {
    expect(sourceId('https://www.pravda.com.ua/news/2025/11/24/peace-talks/', 'Мирні переговори', new Set())).toBe('pravda-peace-talks');
    expect(sourceId('https://crisis.zone/a', 'Talks end', new Set(['crisis-talks-end', 'crisis-talks-end-2']))).toBe('crisis-talks-end-3');
    expect(sourceId('http://127.0.0.1:8080/x', 'Talks end', new Set())).toBe('source-talks-end');
  });
});
