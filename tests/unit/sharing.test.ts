/**
 * Sharing metadata as pure functions: the preview picture and its tags, the
 * Open Graph locale, the schema's image and name fields, and sitemap dates.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainerSchema, sourceSchema } from '../../src/schema/explainer.ts';
import { datedExplainer } from '../../src/site/explainer-dates.ts';
import { lastModified, withLastmod } from '../../src/site/sitemap.ts';
import { SITE_LANG } from '../../src/site/site-info.ts';
import { DEFAULT_IMAGE, imageMetaTags, ogLocale, socialImage } from '../../src/site/social.ts';
import { explainer, source } from '../helpers/explainer-data.ts';
import { ROOT } from '../helpers/site.ts';

const SITE = 'https://news.example/';

describe('preview picture', () => {
  it('is the default 1200×630 card, at an absolute URL, unless the explainer has its own', () => {
    expect(socialImage(undefined, SITE)).toEqual({ url: 'https://news.example/social/default.png', alt: DEFAULT_IMAGE.alt, width: 1200, height: 630, type: 'image/png' });
    const own = explainer('x', { image: '/images/talks.jpg', imageAlt: 'Delegates at the table' }).data;
    expect(socialImage(own, SITE)).toEqual({ url: 'https://news.example/images/talks.jpg', alt: 'Delegates at the table', type: 'image/jpeg' });
  });

  it('is a real PNG of 1200×630 in public/', async () => {
    const png = await readFile(join(ROOT, 'public', DEFAULT_IMAGE.path));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([DEFAULT_IMAGE.width, DEFAULT_IMAGE.height]);
  });

  it('gives Open Graph and Twitter the same picture and description', () => {
    const tags = imageMetaTags(socialImage(undefined, SITE)).map((t) => `${t.attribute}:${t.key}=${t.content}`);
    expect(tags).toEqual([
      'property:og:image=https://news.example/social/default.png',
      'property:og:image:type=image/png',
      'property:og:image:width=1200',
      'property:og:image:height=630',
      `property:og:image:alt=${DEFAULT_IMAGE.alt}`,
      'name:twitter:image=https://news.example/social/default.png',
      `name:twitter:image:alt=${DEFAULT_IMAGE.alt}`,
    ]);
  });
});

describe('Open Graph locale', () => {
  it('says what <html lang> says, in Open Graph’s form', () => {
    expect(ogLocale('en-GB')).toBe('en_GB');
    expect(ogLocale('pt-br')).toBe('pt_BR');
    expect(ogLocale('en')).toBe('en');
    expect(ogLocale(SITE_LANG).replace('_', '-')).toBe(SITE_LANG);
  });
});

describe('schema: image and structured names', () => {
  const errors = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const base = { title: 'T', summary: 'S', published: '2025-11-20', authors: ['A'], sources: [source('a')] };

  it('requires imageAlt with image, and a PNG or JPEG of this site', () => {
    expect(errors(explainerSchema.safeParse({ ...base, image: '/images/a.png' }))).toEqual([expect.stringMatching(/^imageAlt: is required with `image`/)]);
    expect(errors(explainerSchema.safeParse({ ...base, image: '/images/a.png', imageAlt: 'A map' }))).toEqual([]);
    for (const image of ['https://other.example/a.png', '//other.example/a.png', '/images/a.svg', 'images/a.png', '/images/../../a.png', 'javascript:alert(1)//.png']) {
      expect(errors(explainerSchema.safeParse({ ...base, image, imageAlt: 'x' })), image).toEqual([expect.stringMatching(/^image: must be the path of a PNG or JPEG file of this site/)]);
    }
  });

  it('accepts author names in parts, family name required', () => {
    expect(sourceSchema.safeParse({ ...source('a'), authorNames: [{ family: 'Roe', given: 'Jane' }, { family: 'Madonna' }] }).success).toBe(true);
    expect(errors(sourceSchema.safeParse({ ...source('a'), authorNames: [{ given: 'Jane' }] }))[0]).toMatch(/^authorNames\.0\.family/);
    expect(errors(sourceSchema.safeParse({ ...source('a'), authorNames: [{ family: 'Roe', middle: 'Q' }] }))[0]).toMatch(/middle/);
  });
});

describe('sitemap lastmod', () => {
  const entries = [
    explainer('deal', { published: '2025-11-20', updated: '2025-11-27', topics: ['Peace talks'], sources: [source('a', { publisher: 'Reuters' })] }),
    explainer('energy', { published: '2025-12-02', topics: ['Energy'], sources: [source('b', { publisher: 'Reuters' })] }),
    explainer('old', { published: '2025-10-01', topics: ['Peace talks'], sources: [source('c', { publisher: 'Think Tank' })] }),
  ];
  const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

  it('dates each explainer by its update, else its publication, and each list by its newest explainer', () => {
    const dates = lastModified(entries);
    expect(day(dates.get('/explainers/deal/'))).toBe('2025-11-27');
    expect(day(dates.get('/explainers/old/'))).toBe('2025-10-01');
    expect(day(dates.get('/'))).toBe('2025-12-02');
    expect(day(dates.get('/topics/peace-talks/'))).toBe('2025-11-27');
    expect(day(dates.get('/sources/reuters/'))).toBe('2025-12-02');
    expect(day(dates.get('/sources/think-tank/'))).toBe('2025-10-01');
    expect(dates.has('/methodology/')).toBe(false);
  });

  it('adds lastmod to sitemap items whose page has a date, loading the dates once', async () => {
    let loads = 0;
    const serialize = withLastmod(async () => (loads++, lastModified(entries)));
    expect(await serialize({ url: 'https://news.example/explainers/deal/' })).toEqual({ url: 'https://news.example/explainers/deal/', lastmod: '2025-11-27' });
    expect(await serialize({ url: 'https://news.example/search/' })).toEqual({ url: 'https://news.example/search/' });
    expect(loads).toBe(1);
  });

  it('reads dates from frontmatter, leaving out drafts and files the schema refuses', () => {
    const file = (front: string) => `---\n${front}\n---\n\nText [@a].\n`;
    const fields = 'title: T\nsummary: S\nauthors: [A]\nsources: [{ id: a, title: T, url: "https://a.example", publisher: P }]';
    expect(datedExplainer('a', file(`${fields}\npublished: 2025-11-20\nupdated: 2025-11-22`))?.data.updated?.toISOString()).toBe('2025-11-22T00:00:00.000Z');
    expect(datedExplainer('b', file(`${fields}\npublished: 2025-11-20\ndraft: true`))).toBeUndefined();
    expect(datedExplainer('c', file(`${fields}\npublished: last week`))).toBeUndefined();
    expect(datedExplainer('d', 'no frontmatter')).toBeUndefined();
  });
});
