/**
 * checkInternalLinks over small hand-written sites (no Astro in the loop), and
 * the pure helpers that turn linkinator results into messages.
 */
import { describe, expect, it } from 'vitest';
import { tempSite } from '../helpers/temp-site.ts';
import { formatBrokenLinks, toBrokenLinks } from '../../src/links/broken.ts';
import { checkInternalLinks, htmlPages, siteUrlPattern } from '../../src/links/internal.ts';

const site = (files: Record<string, string>) => tempSite(files, 'links-site-');

const html = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('checkInternalLinks', () => {
  it('finds broken pages, assets, CSS references and fragments on every page, linked or not', async () => {
    const dir = await site({
      'index.html': html('<a href="/a/">A</a><a href="/a">A without slash</a><a href="/a/#part">part</a><a href="#top">top</a><img src="/logo.png">'),
      'a/index.html': html('<h2 id="part">Part</h2><a name="old-anchor"></a><a href="/#nope">home anchor</a><img srcset="/img/one.png 1x, /img/two.png 2x">'),
      // Not linked from anywhere: still checked, because every built page is a starting point.
      'orphan/index.html': html('<a href="/a/#old-anchor">ok</a><link rel="stylesheet" href="/style.css"><a href="/gone.pdf">PDF</a>'),
      'style.css': 'body { background: url("/img/missing-bg.png"); }',
      'logo.png': 'png',
      'img/one.png': 'png',
    });
    const result = await checkInternalLinks({ dir });
    expect(result.pages).toBe(3);
    expect(result.broken.map(({ page, link, reason }) => [page, link, reason])).toEqual([
      ['/a/', '/#nope', 'no element with id="nope" on /'],
      ['/a/', '/img/two.png', 'page or file not found (404)'],
      ['/orphan/', '/gone.pdf', 'page or file not found (404)'],
      ['/style.css', '/img/missing-bg.png', 'page or file not found (404)'],
    ]);
  }, 30_000);

  it('checks the site address locally and never fetches other hosts', async () => {
    const dir = await site({
      'index.html': html(
        '<a href="https://news.example.org/explainers/x/">live</a><a href="https://news.example.org/missing/">gone</a>' +
          '<a href="http://news.example.org:443/">other scheme</a><a href="https://news.example.org.evil.test/">lookalike</a>' +
          '<a href="https://unreachable.invalid/">external</a><a href="mailto:desk@example.org">mail</a>',
      ),
      'explainers/x/index.html': html('x'),
    });
    const result = await checkInternalLinks({ dir, site: 'https://news.example.org' });
    expect(result.broken.map((b) => b.link)).toEqual(['/missing/']);
  }, 30_000);

  it('checks fragments across batches of starting pages', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 7; i++) files[`p${i}/index.html`] = html(`<h2 id="here-${i}">${i}</h2><a href="/p${(i + 1) % 7}/#here-${(i + 1) % 7}">next</a><a href="/p${(i + 3) % 7}/#gone">gone</a>`);
    const dir = await site(files);
    const result = await checkInternalLinks({ dir, batchSize: 2 });
    expect(result.pages).toBe(7);
    expect(result.broken.map((b) => `${b.page} ${b.link}`)).toEqual(Array.from({ length: 7 }, (_, i) => `/p${i}/ /p${(i + 3) % 7}/#gone`));
  }, 30_000);

  it('passes an empty build folder', async () => {
    const dir = await site({ 'robots.txt': 'User-agent: *' });
    expect(await checkInternalLinks({ dir })).toMatchObject({ broken: [], pages: 0 });
  });
});

describe('helpers', () => {
  it('lists built pages as site paths', async () => {
    const dir = await site({ 'index.html': '', '404.html': '', 'a/b/index.html': '', 'c.html': '', 'd.txt': '' });
    expect(await htmlPages(dir)).toEqual(['/', '/404.html', '/a/b/', '/c.html']);
  });

  it('matches only the site itself', () => {
    const pattern = siteUrlPattern('https://Explainers.example.org/');
    expect(pattern?.test('https://explainers.example.org/a/')).toBe(true);
    expect(pattern?.test('http://explainers.example.org')).toBe(true);
    expect(pattern?.test('https://explainers.example.org:443/#x')).toBe(true);
    expect(pattern?.test('https://explainers.example.org.evil.test/')).toBe(false);
    expect(pattern?.test('https://evil.test/https://explainers.example.org/')).toBe(false);
    expect(siteUrlPattern('not a url')).toBeUndefined();
  });

  it('reports each broken link once per page, grouped, with a count', () => {
    const origin = 'http://127.0.0.1:9';
    const broken = toBrokenLinks(
      [
        { url: `${origin}/x/`, state: 'BROKEN', status: 404, parent: `${origin}/b/`, displayText: 'X' },
        { url: `${origin}/x/`, state: 'BROKEN', status: 404, parent: `${origin}/b/`, displayText: 'X again' },
        { url: `${origin}/x/`, state: 'BROKEN', status: 500, parent: `${origin}/a/` },
        { url: `${origin}/ok/`, state: 'OK', status: 200, parent: `${origin}/a/` },
        { url: `${origin}/a/#gone`, state: 'BROKEN', status: 200, parent: `${origin}/a/`, failureDetails: [new Error("Fragment identifier '#gone' not found on page")] },
      ],
      origin,
    );
    expect(formatBrokenLinks(broken, (page) => (page === '/a/' ? 'content/explainers/a.mdx' : undefined))).toEqual([
      '/a/ (from content/explainers/a.mdx)',
      '  ✗ #gone: no element with id="gone" on this page',
      '  ✗ /x/: the server answered 500',
      '/b/',
      '  ✗ /x/ "X": page or file not found (404)',
      '3 broken internal links on 2 pages.',
    ]);
  });
});
