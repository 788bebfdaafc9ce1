import { describe, expect, it } from 'vitest';
import { explainerSchema, isHttpUrl, sourceSchema } from '../../src/schema/explainer.ts';

const source = {
  id: 'e3-draft',
  title: 'Europe rewrites the plan',
  url: 'https://example.test/e3',
  publisher: 'Example News',
  published: '2025-11-24',
  accessed: '2025-11-25',
};
const explainer = {
  title: 'A title',
  summary: 'A summary.',
  published: '2025-11-26',
  authors: ['Desk'],
  sources: [source],
};

const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('explainer schema', () => {
  it('accepts a complete explainer and turns dates into Dates', () => {
    const result = explainerSchema.safeParse(explainer);
    expect(errorsOf(result)).toEqual([]);
    expect(result.data?.published).toBeInstanceOf(Date);
    expect(result.data?.sources[0]?.accessed?.toISOString()).toBe('2025-11-25T00:00:00.000Z');
    expect(result.data?.topics).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/relative/path', 'ftp://example.test/x', 'https://'])(
    'refuses the source URL %s, naming the field',
    (url) => {
      const errors = errorsOf(explainerSchema.safeParse({ ...explainer, sources: [{ ...source, url }] }));
      expect(errors).toEqual(['sources.0.url: must be an absolute URL starting with http:// or https://']);
    },
  );

  it('refuses a non-http archived copy', () => {
    const errors = errorsOf(sourceSchema.safeParse({ ...source, archived: 'javascript:void(0)' }));
    expect(errors).toEqual(['archived: must be an absolute URL starting with http:// or https://']);
  });

  it('names a missing title in plain words', () => {
    const { title: _omitted, ...untitled } = source;
    const errors = errorsOf(explainerSchema.safeParse({ ...explainer, sources: [untitled] }));
    expect(errors).toEqual(['sources.0.title: is required: the title of the cited page or document']);
  });

  it('refuses ids that are not slugs and unknown fields', () => {
    expect(errorsOf(sourceSchema.safeParse({ ...source, id: 'E3 Draft' }))[0]).toMatch(/^id: must be lowercase/);
    expect(errorsOf(sourceSchema.safeParse({ ...source, ulr: 'x' }))[0]).toMatch(/ulr/);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(errorsOf(explainerSchema.safeParse({ ...explainer, published: 'last week' }))[0]).toMatch(/^published: must be a real date written as YYYY-MM-DD/);
    expect(errorsOf(explainerSchema.safeParse({ ...explainer, published: '2025-02-31' })).length).toBeGreaterThan(0);
  });

  it('isHttpUrl accepts only absolute http(s)', () => {
    expect(isHttpUrl('https://crisis.zone/a')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(isHttpUrl('mailto:desk@example.org')).toBe(false);
  });
});
