import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { setting } from './config/env.ts';
import { explainerSchema } from './schema/explainer.ts';

/**
 * Explainers live outside src/ so writers only ever touch content/.
 * EXPLAINERS_DIR points a build at another folder (test fixtures, benchmarks).
 */
const explainers = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: setting('contentDir') }),
  schema: explainerSchema,
});

export const collections = { explainers };
