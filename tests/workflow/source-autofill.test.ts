/**
 * `npm run new -- --source <url>` fills the source in from the page, served
 * by real HTTP servers on 127.0.0.1: each metadata style, and pages that
 * cannot be read (slow, huge, not HTML, gone, looping), each with a plain note.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LIMITS, fetchPage } from '../../src/cli/lib/fetch-page.ts';
import { frontmatterSlice } from '../../src/cli/lib/frontmatter-text.ts';
import { sourceSchema } from '../../src/schema/explainer.ts';
import { redirect, startHost, type Host } from '../helpers/hosts.ts';
import { ROOT } from '../helpers/site.ts';
import { cli, tempDir } from './helpers.ts';

const PAGES = join(ROOT, 'tests/fixtures/pages');
const TODAY = '2026-01-15';

const EXPLAINER = `---
title: "Geneva talks"
summary: "What was agreed."
published: 2025-11-26
authors: [Explainers desk]
sources:
  # The first source, cited below.
  - id: first
    title: "First"
    url: https://first.example/story
    publisher: First Example
---

A fact [@first].
`;

type Entry = Record<string, string>;
const sourcesOf = (text: string) => (parse(frontmatterSlice(text)!.yaml) as { sources: Entry[] }).sources;

/** Send a fixture page, or raw bytes. */
function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

/** Resolves when `res` can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

let site: Host;
let archive: Host;
let release: () => void = () => undefined;
let held: Promise<void> = Promise.resolve();
let arrived: () => void = () => undefined;

beforeAll(async () => {
  site = await startHost(async (req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/pages/')) {
      const name = path.slice('/pages/'.length);
      // The windows-1252 page declares its charset only in <meta>, as old sites do.
      return send(res, name === 'windows-1252.html' ? 'text/html' : 'text/html; charset=utf-8', await readFile(join(PAGES, name)));
    }
    if (path === '/moved') return redirect(res, 301, '/pages/open-graph.html');
    if (path === '/slow') return; // never answers
    if (path === '/huge') {
      // 5 MB of real HTML, sent in chunks with no length announced.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><head><title>A huge page</title><meta property="og:site_name" content="Huge"></head><body>');
      const chunk = `<p>${'x'.repeat(1020)}</p>`;
      for (let i = 0; i < 5 * 1024 && !res.destroyed; i++) if (!res.write(chunk)) await drained(res);
      return void res.end('</body></html>');
    }
    if (path === '/report.pdf') return send(res, 'application/pdf', '%PDF-1.7\n%…');
    if (path === '/pdf-as-html') return send(res, 'text/html', '%PDF-1.4\n1 0 obj');
    if (path === '/data.json') return send(res, 'application/json', '{"title":"Not a page"}');
    if (path === '/gone') return void res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found | Site</title>');
    if (path === '/loop') return redirect(res, 302, '/loop-2');
    if (path === '/loop-2') return redirect(res, 302, '/loop');
    if (path === '/to-ftp') return redirect(res, 302, 'ftp://files.example/report.txt');
    if (path === '/held') {
      arrived();
      await held;
      return send(res, 'text/html', await readFile(join(PAGES, 'open-graph.html')));
    }
    res.writeHead(500).end();
  });
  archive = await startHost((req, res) => {
    const path = req.url ?? '/';
    const page = path.replace(/^\/[a-z-]+\//, '');
    if (path.startsWith('/save/')) return redirect(res, 302, `/web/20260115093000/${page}`);
    if (path.startsWith('/content-location/')) return void res.writeHead(200, { 'content-location': `/web/20260115093001/${page}` }).end('Saved.');
    if (path.startsWith('/silent/')) return void res.writeHead(200).end('Saving…');
    res.writeHead(503).end();
  });
});
afterAll(async () => {
  release();
  await Promise.all([site.close(), archive.close()]);
});

async function explainer(text = EXPLAINER): Promise<string> {
  const file = join(await tempDir('autofill'), 'geneva.mdx');
  await writeFile(file, text);
  return file;
}

/** `npm run new -- --source <url>… --to <file> --now 2026-01-15 …`, the way a writer runs it. */
const addSources = (file: string, urls: string[], ...extra: string[]) => cli('new', [...urls.flatMap((u) => ['--source', u]), '--to', file, '--now', TODAY, ...extra]);

describe('npm run new -- --source <url> fills the source in from the page', () => {
  it('reads title, publisher, author, date and language from each metadata style, once per page, into entries that pass the schema', async () => {
    const file = await explainer();
    const pages = ['citation', 'dublin-core', 'open-graph', 'json-ld', 'title-only', 'windows-1252', 'broken'].map((p) => `${site.origin}/pages/${p}.html`);
    const ran = await addSources(file, [...pages, `${site.origin}/moved`]);
    expect(ran.code, ran.stderr).toBe(0);
    const sources = sourcesOf(await readFile(file, 'utf8'));
    const at = (i: number) => ({ url: i < pages.length ? pages[i] : `${site.origin}/moved`, accessed: TODAY });
    expect(sources.slice(1)).toEqual([
      { id: 'source-sanctions-oil-exports', title: 'Sanctions and Oil Exports: Evidence from 2022–2025', publisher: 'Journal of Energy Policy', author: 'Jane Doe and Richard Roe', published: '2025-03-14', ...at(0) },
      { id: 'source-declaration-conjointe-ukraine', title: "Déclaration conjointe sur l'Ukraine (24 novembre 2025)", publisher: "Ministère de l'Europe et des Affaires étrangères", author: 'Service de presse', published: '2025-11-24', ...at(1) },
      { id: 'source-us-drafts-28-point', title: 'US drafts 28-point peace plan for Ukraine', publisher: 'Crisis Zone', author: 'Jane Doe', published: '2025-11-20', ...at(2) },
      { id: 'source-geneva-talks-end', title: 'Geneva talks end without a deal on the troop ceiling', publisher: 'The Kyiv Example', author: 'Taras Shevchuk and Olena Kovalenko', published: '2025-11-24', ...at(3) },
      { id: 'source-ceasefire-monitors-report', title: 'Ceasefire monitors report 40 violations overnight', publisher: '', ...at(4) },
      { id: 'source-cafe-diplomacy-geneve', title: 'Café diplomacy in Genève', publisher: 'Le Journal', ...at(5) },
      { id: 'source-talks-tensions-minsk', title: 'Talks & tensions in Minsk: what we know', publisher: '', ...at(6) },
      // Same page behind a redirect: the writer's address is kept, and the id is made unique.
      { id: 'source-us-drafts-28-point-2', title: 'US drafts 28-point peace plan for Ukraine', publisher: 'Crisis Zone', author: 'Jane Doe', published: '2025-11-20', ...at(7) },
    ]);
    // Everything filled passes the schema; only the publishers no page named are left for the writer.
    for (const source of sources) {
      const problems = sourceSchema.safeParse(source).error?.issues.map((i) => i.path.join('.')) ?? [];
      expect(problems, source.id).toEqual(source.publisher === '' ? ['publisher'] : []);
    }
    const text = await readFile(file, 'utf8');
    expect(text).toContain('    # language: fr (French), as the page states\n');
    expect(text).toContain('    # language: uk (Ukrainian), as the page states\n');
    expect(text).toContain('    # language: fr-CH (Swiss French), as the page states\n');
    expect(ran.stdout).toContain('  The page does not name its publisher (only its address, 127.0.0.1): type who published it in `publisher`, e.g. Reuters.');
    expect(ran.stdout).toMatch(/Added source `source-geneva-talks-end` to .*geneva\.mdx:\d+\n {2}title {5}Geneva talks end without a deal on the troop ceiling\n {2}publisher The Kyiv Example\n/);
    expect(ran.stdout).toContain('Next: check the filled-in lines against the page and fill in what is empty, then cite it');
    // One request per page (the redirect's target once more), naming the site it is for.
    const count = (path: string) => site.requests.filter((r) => r.path === path).length;
    expect([count('/pages/citation.html'), count('/moved'), count('/pages/open-graph.html')]).toEqual([1, 1, 2]);
    expect(site.requests.at(-1)?.userAgent).toMatch(/^SourcedExplainers\/1\.0 \(\+https?:\/\/.+; reads a page's title/);
  }, 60_000);

  it('writes the empty entry and says why in one plain line when the page cannot be read', async () => {
    const file = await explainer();
    const closed = await startHost(() => undefined);
    await closed.close();
    const cases: Array<[string, string]> = [
      ['/slow', 'timed out after 1 s'],
      ['/huge', 'the page is larger than 3 MB'],
      ['/report.pdf', 'it is a PDF document, not a web page'],
      ['/pdf-as-html', 'it is a PDF document, not a web page'],
      ['/data.json', 'it is data (JSON), not a web page'],
      ['/gone', 'the site says there is no such page, error 404'],
      ['/loop', 'it forwards in a circle and never arrives at a page'],
      ['/to-ftp', 'it forwards to something that is not a web page'],
      ['/pages/robot-check.html', 'the site showed a robot check instead of it'],
    ];
    const urls = [...cases.map(([path]) => `${site.origin}${path}`), `${closed.origin}/offline`];
    // An injected short timeout: the slow page is given up on after 1 s, not 10.
    const ran = await addSources(file, urls, '--timeout', '1');
    expect(ran.code, ran.stderr).toBe(0);
    for (const [, reason] of [...cases, ['', 'could not connect to the site: are you online?']]) {
      expect(ran.stdout).toContain(`\n  Could not read the page (${reason}): fill in title and publisher by hand.\n`);
    }
    // Technical detail only ever follows, on its own line.
    expect(ran.stdout).toMatch(/are you online\?\): fill in title and publisher by hand\.\n {4}\(for developers: ECONNREFUSED/);
    expect(ran.stdout).toContain('(for developers: Content-Type: application/pdf)');
    const sources = sourcesOf(await readFile(file, 'utf8')).slice(1);
    expect(sources.map((s) => s.url)).toEqual(urls);
    for (const source of sources) expect(source, source.url).toEqual({ id: source.id, title: '', url: source.url, publisher: '' });
    expect(sources.map((s) => s.id)).toContain('source-report');
  }, 60_000);

  it('keeps every byte of the file and adds only the new lines, in the list own layout', async () => {
    const before = EXPLAINER.replaceAll('\n', '\r\n');
    const file = await explainer(before);
    const ran = await addSources(file, [`${site.origin}/pages/open-graph.html`]);
    expect(ran.code, ran.stderr).toBe(0);
    const after = await readFile(file, 'utf8');
    const added = [
      '  - id: source-us-drafts-28-point',
      '    title: US drafts 28-point peace plan for Ukraine',
      `    url: ${site.origin}/pages/open-graph.html`,
      '    publisher: Crisis Zone',
      '    author: Jane Doe',
      '    published: 2025-11-20',
      `    accessed: ${TODAY}`,
      '    # language: en-GB (British English), as the page states',
    ].map((line) => `${line}\r\n`).join('');
    expect(after).toBe(before.replace('publisher: First Example\r\n', `publisher: First Example\r\n${added}`));
  }, 60_000);

  it('dates only what the page states, never after today', async () => {
    const file = await explainer();
    const ran = await addSources(file, [`${site.origin}/pages/future.html`]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('The page gives a publication date after today (2030-01-01), so it was left out: check the date on the page.');
    const source = sourcesOf(await readFile(file, 'utf8'))[1]!;
    expect(source.published).toBeUndefined();
    expect(sourceSchema.safeParse(source).success).toBe(true);
  }, 60_000);

  it('keeps what the writer saved while the page was loading', async () => {
    const file = await explainer();
    held = new Promise((resolve) => (release = resolve));
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    const running = addSources(file, [`${site.origin}/held`]);
    await requested;
    const edited = EXPLAINER.replace('A fact [@first].', 'A fact [@first].\n\nA paragraph written meanwhile [@first].');
    await writeFile(file, edited);
    release();
    const ran = await running;
    expect(ran.code, ran.stderr).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('A paragraph written meanwhile [@first].');
    expect(sourcesOf(text).map((s) => s.id)).toEqual(['first', 'source-us-drafts-28-point']);
  }, 60_000);

  it('reads nothing when the page is already cited, and changes nothing', async () => {
    const file = await explainer();
    const before = site.requests.length;
    const ran = await addSources(file, [`${site.origin}/pages/citation.html`, 'https://FIRST.example/story/']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('already has this page as source `first`; nothing was changed');
    expect(site.requests.length).toBe(before);
    expect(await readFile(file, 'utf8')).toBe(EXPLAINER);
  }, 60_000);
});

describe('npm run new -- --source <url> --archive', () => {
  it('fills archived with the snapshot the endpoint names, by redirect or Content-Location', async () => {
    const file = await explainer();
    const page = `${site.origin}/pages/citation.html`;
    const ran = await addSources(file, [page], '--archive', '--archive-endpoint', `${archive.origin}/save/`);
    expect(ran.code, ran.stderr).toBe(0);
    expect(sourcesOf(await readFile(file, 'utf8'))[1]!.archived).toBe(`${archive.origin}/web/20260115093000/${page}`);
    expect(archive.requests.map((r) => r.path)).toContain(`/save/${page}`);
    // The snapshot itself is not downloaded: its address is all that is needed.
    expect(archive.requests.some((r) => r.path.startsWith('/web/'))).toBe(false);

    const other = await explainer();
    const cl = await addSources(other, [page], '--archive', '--archive-endpoint', `${archive.origin}/content-location/`, '--no-fetch');
    expect(cl.code, cl.stderr).toBe(0);
    const source = sourcesOf(await readFile(other, 'utf8'))[1]!;
    expect(source).toEqual({ id: 'source-citation', title: '', url: page, publisher: '', archived: `${archive.origin}/web/20260115093001/${page}` });
  }, 60_000);

  it('adds the source anyway, with a plain note, when the archive fails', async () => {
    const page = `${site.origin}/pages/open-graph.html`;
    const failures: Array<[string, string]> = [
      ['/down/', 'the archive answered with error 503'],
      ['/silent/', 'the archive did not say where the copy is'],
    ];
    for (const [path, reason] of failures) {
      const file = await explainer();
      const ran = await addSources(file, [page], '--archive', '--archive-endpoint', `${archive.origin}${path}`);
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.stdout).toContain(`\n  Could not save an archived copy (${reason}): try again later with --archive, or save one at https://web.archive.org/save/ and add it as \`archived\`.`);
      const source = sourcesOf(await readFile(file, 'utf8'))[1]!;
      expect(source.title).toBe('US drafts 28-point peace plan for Ukraine');
      expect(source.archived).toBeUndefined();
    }
  }, 60_000);
});

describe('the bounded fetch', () => {
  it('counts unpacked bytes against the cap, and refuses a body announced as huge without reading it', async () => {
    // 20 MB of spaces, about 20 KB on the wire.
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    const host = await startHost((req, res) => {
      if (req.url === '/bomb') return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
      // Announces 50 MB and never sends them: only the announcement can end this request before the timeout.
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '50000000' });
      res.write('<title>Big</title>');
    });
    const limits = { ...DEFAULT_LIMITS, userAgent: 'test' };
    try {
      expect(await fetchPage(`${host.origin}/bomb`, limits)).toMatchObject({ ok: false, kind: 'too-large', reason: 'the page is larger than 3 MB' });
      expect(await fetchPage(`${host.origin}/announced`, limits)).toMatchObject({ ok: false, kind: 'too-large' });
      expect(await fetchPage('ftp://files.example/x', limits)).toMatchObject({ ok: false, kind: 'not-web-address' });
    } finally {
      await host.close();
    }
  }, 60_000);
});
