import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { explainerSchema } from './schema/explainer.ts';

/** Explainers live outside src/ so writers only ever touch content/. */
const explainers = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/explainers' }),
  schema: explainerSchema,
});

export const collections = { explainers };
