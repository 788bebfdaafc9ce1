/**
 * The published-page gate's judge on hand-written pages: each case is HTML a
 * reader could get if either Markdown parser (or a future renderer) let
 * something through. The judge must name it, whatever produced it.
 */
import { describe, expect, it } from 'vitest';
import { verifyPage, type PageProblem } from '../../src/published/verify.ts';

const MARK = 'test-mark';
const marker = (id: string, n: number, use = 1) =>
  `<sup class="cite">[<a href="#source-${id}" id="cite-${id}-${use}" class="cite-link" aria-label="Source ${n}" data-source="${id}">${n}</a>]</sup>`;
const analysis = (body: string, mark = MARK) =>
  `<aside class="analysis" aria-label="Analysis" data-analysis="${mark}"><span id="analysis-block-1"></span><p class="analysis__label" aria-hidden="true">Analysis</p>${body}<span id="analysis-block-1-end"></span></aside>`;

/** A page as the site builds it, with `prose` as the explainer's text and sources a (1) and b (2). */
function page(prose: string): string {
  const entry = (id: string, n: number) =>
    `<li id="source-${id}" class="source"><span class="source__number" aria-hidden="true">${n}</span><div class="source__body"><p class="source__title"><a href="https://example.test/${id}" class="source__link">Source ${id}</a></p></div></li>`;
  return `<!doctype html><html><head><title>T</title></head><body><main><article class="article" data-pagefind-body><div hidden data-pagefind-ignore><span>meta</span></div><header><h1>Title</h1></header><div class="prose">${prose}</div><section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2><ol class="sources__list">${entry('a', 1)}${entry('b', 2)}</ol></section></article></main></body></html>`;
}

const verify = (prose: string) => verifyPage(page(prose), { analysisMark: MARK });
const rules = (problems: PageProblem[]) => problems.map((p) => p.ruleId);
const messages = (problems: PageProblem[]) => problems.map((p) => p.message);

describe('the published-page judge', () => {
  it('passes a page whose every block cites, with Analysis, headings, code, tables and figures', () => {
    const prose = [
      `<p>A claim${marker('a', 1)}.</p>`,
      `<h2 id="what-changed">What changed</h2>`,
      `<ul><li>One${marker('b', 2)}</li><li><p>Loose${marker('a', 1, 2)}</p><ul><li>Nested${marker('b', 2, 2)}</li></ul></li></ul>`,
      `<table><thead><tr><th>Term</th><th class="align-right">Value</th></tr></thead><tbody><tr><td>Cap</td><td>800,000${marker('a', 1, 3)}</td></tr></tbody></table>`,
      `<blockquote><p>Quoted${marker('b', 2, 3)}</p></blockquote>`,
      `<pre><code class="language-text">[@not-a-citation]</code></pre><p>Code <code>[@x]</code> stays${marker('a', 1, 4)}.</p>`,
      `<figure><img src="/map.png" alt="A map"><figcaption>The map${marker('a', 1, 5)}</figcaption></figure>`,
      analysis('<p>Our own reading, uncited.</p>'),
    ].join('\n');
    expect(verify(prose)).toEqual([]);
  });

  it.each([
    ['a paragraph', '<p>Uncited.</p>', 'Paragraph'],
    ['a tight list item', '<ul><li>Uncited item</li></ul>', 'List item'],
    ['a table body row', '<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>Uncited row</td></tr></tbody></table>', 'Table row'],
    ['text loose in the article', 'Loose words', 'Text'],
    ['a figure caption', '<figure><figcaption>Uncited caption</figcaption></figure>', 'Figure caption'],
    ['an image alone', '<p><img src="/x.png" alt=""></p>', 'Image'],
    ['a definition', '<dl><dt>Term</dt><dd>Uncited definition</dd></dl>', 'Definition'],
  ])('refuses %s with no marker of its own', (_name, prose, label) => {
    const problems = verify(`<p>Cited${marker('a', 1)}.</p>${prose}`).filter((p) => p.ruleId === 'page-uncited-claim');
    expect(messages(problems)[0]).toMatch(new RegExp(`^${label} on the published page has no citation`));
  });

  it('judges nested blocks one by one: a cited quote or item covers nothing inside it', () => {
    const problems = verify(
      `<blockquote><p>Cited${marker('a', 1)}</p><p>Uncited inside the quote</p></blockquote>` +
        `<ul><li>Cited item${marker('b', 2)}<ul><li>Uncited nested item</li></ul></li></ul>` +
        `<ul><li>Cited item${marker('a', 1, 2)}<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>Uncited row in an item</td></tr></tbody></table></li></ul>`,
    );
    expect(problems.map((p) => p.text)).toEqual(['Uncited inside the quote', 'Uncited nested item', 'Uncited row in an item']);
  });

  it.each([
    ['hidden', `<p hidden>Claim${marker('a', 1)}</p>`],
    ['aria-hidden', `<p>Claim<span aria-hidden="true">${marker('a', 1)}</span></p>`],
    ['a style', `<p style="display:none">Claim${marker('a', 1)}</p>`],
    ['a class', `<p class="visually-hidden">Claim${marker('a', 1)}</p>`],
    ['noscript', `<noscript><p>Claim${marker('a', 1)}</p></noscript>`],
    ['template', `<template><p>Claim${marker('a', 1)}</p></template>`],
    ['details', `<details><summary>More</summary><p>Claim${marker('a', 1)}</p></details>`],
    ['a script', '<script>alert(1)</script>'],
    ['a javascript: link', `<p><a href="javascript:alert(1)">x</a>${marker('a', 1)}</p>`],
    ['a link title', `<p><a href="https://example.test" title="A claim in a tooltip">x</a>${marker('a', 1)}</p>`],
  ])('refuses text or citations hidden with %s', (_name, prose) => {
    expect(rules(verify(prose))).toContain('page-not-allowed');
  });

  it('accepts only the Analysis box made by <Analysis> in this build', () => {
    expect(verify(analysis('<p>Fine.</p>'))).toEqual([]);
    for (const forged of [analysis('<p>A claim.</p>', 'guessed'), '<aside class="analysis" aria-label="Analysis"><p>A claim.</p></aside>']) {
      const problems = verify(forged);
      expect(rules(problems)).toContain('page-not-allowed');
      // Its text is judged as the article's own, and is uncited.
      expect(messages(problems)).toContain('Paragraph on the published page has no citation: "A claim."');
    }
  });

  it('refuses markers that point nowhere, show the wrong number, or are crossed out', () => {
    expect(messages(verify(`<p>Claim${marker('zz', 3)}</p>`))).toContain('Citation marker [3] points to no entry of the Sources list');
    expect(messages(verify(`<p>Claim${marker('b', 1)}</p>`))).toContain('Citation marker [1] points to source number 2');
    const struck = verify(`<p>Claim <del>${marker('a', 1)}</del></p>`);
    expect(messages(struck)).toContain('A citation on the published page is crossed out');
    expect(rules(struck)).toContain('page-uncited-claim');
  });

  it('accepts a locator shown in a marker, and its class nowhere else', () => {
    const located = `<sup class="cite">[<a href="#source-a" id="cite-a-1" class="cite-link" aria-label="Source 1" data-source="a" data-locator="p. 4">1</a>,&nbsp;<span class="cite-locator">p. 4</span>; <a href="#source-b" id="cite-b-1" class="cite-link" aria-label="Source 2" data-source="b">2</a>]</sup>`;
    expect(verify(`<p>A claim${located}.</p>`)).toEqual([]);
    // Outside a marker the class could restyle a writer's text: refused like any other class.
    expect(messages(verify(`<p>A claim <span class="cite-locator">p. 4</span>${marker('a', 1)}.</p>`))).toEqual(['A <span> in the published text has the attribute class']);
    // The locator is not the marker's number: a wrong number is still caught.
    const wrong = located.replace('>1</a>', '>2</a>');
    expect(messages(verify(`<p>A claim${wrong}.</p>`))).toContain('Citation marker [2] points to source number 1');
  });

  it('refuses citation syntax published as text, outside code', () => {
    expect(messages(verify(`<p>Claim [@a]${marker('a', 1)}</p>`))[0]).toBe('Citation syntax was published as plain text: "Claim [@a]"');
    expect(verify(`<p><code>[@a]</code>${marker('a', 1)}</p>`)).toEqual([]);
  });

  it('refuses an id used twice, such as a heading posing as a source', () => {
    const problems = verify(`<h2 id="source-a">Source A</h2><p>Claim${marker('a', 1)}</p>`);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'page-duplicate-id', message: 'The page uses the address #source-a for 2 elements' })]);
  });

  it('refuses a page nested deeper than any explainer, without walking it', () => {
    const deep = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
    expect(rules(verify(deep))).toContain('page-structure');
  });

  it('says so when the page has no explainer text at all', () => {
    expect(messages(verifyPage('<html><body><p>Other page</p></body></html>', { analysisMark: MARK }))).toEqual(['The published page has no explainer text']);
  });
  describe('what reads like a citation but is not one, or hides one', () => {
    it.each([
      ['a marker shrunk by <sub> in <sub>', `<p>Claim <sub><sub>${marker('a', 1)}</sub></sub>.</p>`, ['page-not-allowed', 'page-broken-citation']],
      ['a marker set in <sub>', `<p>Claim <sub>${marker('a', 1)}</sub>.</p>`, ['page-broken-citation']],
      ['a hand-made link to a source', `<p>Claim <a href="#source-b">[2]</a> and${marker('a', 1)}.</p>`, ['page-broken-citation', 'page-broken-citation']],
      ['a typed [2] split by emphasis', `<p>Claim [<em>2</em>] and${marker('a', 1)}.</p>`, ['page-broken-citation']],
      ['a locator that is only a number', `<p>Claim<sup class="cite">[<a href="#source-a" id="cite-a-1" class="cite-link" aria-label="Source 1" data-source="a" data-locator="2">1</a>, <span class="cite-locator">2</span>]</sup>.</p>`, ['page-broken-citation']],
      ['an empty line of two <br> before a cited line', `<p>Uncited words<br>\n<br>\nCited${marker('a', 1)}.</p>`, ['page-uncited-claim']],
      ['words loose in a figure whose caption cites', `<figure>Uncited words<figcaption>Caption${marker('a', 1)}</figcaption></figure>`, ['page-uncited-claim']],
      ['a claim in the tooltip of an abbreviation', `<p>The <abbr title="The agency said on Friday that enrichment had reached 60 per cent">IAEA</abbr> reported${marker('a', 1)}.</p>`, ['page-not-allowed']],
    ])('refuses %s', (_name, prose, expected) => {
      expect(rules(verify(prose))).toEqual(expected);
    });

    it('passes an abbreviation spelled out, a single line break, a subscript, a page locator and a figure whose caption cites its image', () => {
      const prose = `<p>The <abbr title="International Atomic Energy Agency">IAEA</abbr> said${marker('a', 1, 3)}.</p><p>H<sub>2</sub>O line<br>\nnext line${marker('a', 1)}.</p><p>Page${marker('a', 1, 2).replace('>1</a>]', '>1</a>, <span class="cite-locator">p. 2</span>]')}.</p><figure><img src="/map.png" alt="A map"><figcaption>Map${marker('b', 2)}</figcaption></figure>`;
      expect(verify(prose)).toEqual([]);
    });
  });
});
