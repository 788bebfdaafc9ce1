/** Validated explainer data for unit tests, built through the real schema (so defaults apply). */
import { explainerSchema, type Explainer, type Source } from '../../src/schema/explainer.ts';

/** A source with sensible defaults; override any field. */
export function source(id: string, overrides: Partial<Record<keyof Source, unknown>> = {}): Record<string, unknown> {
  return { id, title: `Title ${id}`, url: `https://example.test/${id}`, publisher: 'Example Wire', ...overrides };
}

/** An explainer entry `{ id, data }` parsed by the real frontmatter schema. */
export function explainer(id: string, fields: Record<string, unknown> = {}): { id: string; data: Explainer } {
  const data = explainerSchema.parse({
    title: `Explainer ${id}`,
    summary: `Summary of ${id}.`,
    published: '2025-11-20',
    authors: ['Test Desk'],
    sources: [source('a')],
    ...fields,
  });
  return { id, data };
}
