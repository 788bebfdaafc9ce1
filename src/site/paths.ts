/**
 * Public paths of every page the reader features link to. Kept free of
 * `astro:content` imports so pure helpers and unit tests can use them.
 */
import { slugify } from './format.ts';

/** The public path of an explainer page (same as `explainerPath` in explainers.ts). */
export const articlePath = (id: string): string => `/explainers/${id}/`;

/** The CSL-JSON download of an explainer's sources. */
export const articleSourcesJsonPath = (id: string): string => `/explainers/${id}/sources.json`;

/**
 * Slug of a topic or publisher name; never empty, so a page always has an address.
 * Names with no Latin letters or digits (e.g. "Україна") get `<fallback>-<hash>`,
 * so two such names never share a page.
 */
export function nameSlug(name: string, fallback: string): string {
  const slug = slugify(name);
  if (!slug) return `${fallback}-${hash(name.trim().toLowerCase())}`;
  // The schema keeps names short; an address is cut anyway, so no name can be too long for a file system.
  return slug.length <= MAX_NAME_SLUG ? slug : `${slug.slice(0, MAX_NAME_SLUG - 8).replace(/-+$/, '')}-${hash(name.trim().toLowerCase())}`;
}

const MAX_NAME_SLUG = 100;

/** FNV-1a, base 36: short, stable, good enough to tell names apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The page listing every explainer on a topic. */
export const topicPath = (topic: string): string => `/topics/${nameSlug(topic, 'topic')}/`;

/** The page listing every source from one publisher. */
export const publisherPath = (publisher: string): string => `/sources/${nameSlug(publisher, 'publisher')}/`;

/** Absolute URL of a site path, for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
