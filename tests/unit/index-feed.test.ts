/**
 * Which rendered pages the build's middleware hands to the search index: the
 * same set the index takes from disk (`explainers/*\/**\/*.html`).
 */
import { describe, expect, it } from 'vitest';
import { articleSourcePath } from '../../src/search/index-feed.ts';

describe('articleSourcePath', () => {
  it('maps explainer pages to the files they are written to', () => {
    expect(articleSourcePath('/explainers/e3-draft/')).toBe('explainers/e3-draft/index.html');
    expect(articleSourcePath('/explainers/a/b/')).toBe('explainers/a/b/index.html');
    expect(articleSourcePath('/explainers/caf%C3%A9/')).toBe('explainers/café/index.html');
    expect(articleSourcePath('/news/explainers/x/', '/news')).toBe('explainers/x/index.html');
  });

  it('leaves out the explainer list, other pages and files that are not HTML', () => {
    for (const path of ['/explainers/', '/', '/search/', '/sources/x/', '/explainers/x/sources.json', '/rss.xml', '/x/explainers/y/', '/explainers/%E0%A4%A/']) {
      expect(articleSourcePath(path), path).toBeUndefined();
    }
    expect(articleSourcePath('/explainers/x/', '/news/')).toBeUndefined();
  });
});
