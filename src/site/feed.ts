/** The RSS feed of explainers, as options for @astrojs/rss. */
import type { RSSOptions } from '@astrojs/rss';
import type { Explainer } from '../schema/explainer.ts';
import { absoluteUrl, articlePath } from './paths.ts';
import { SITE_DESCRIPTION, SITE_LANG, SITE_NAME } from './site-info.ts';
import { typeset } from './typography.ts';

/** Path of the feed. */
export const FEED_PATH = '/rss.xml';

/** Escape text for XML we write by hand (customData); @astrojs/rss escapes its own fields. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[ch]};`);
}

/**
 * One `dc:creator` per author: feed readers list each element as one person,
 * so "Ana Lopez and Ben Ode" in one element would be one author to them.
 */
export function creators(authors: readonly string[]): string {
  return authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('');
}

/**
 * Feed options: newest first (as given), one item per explainer with its
 * summary (title and summary typeset as on the page), topics as categories and
 * authors as `dc:creator`; `atom:link rel=self` so feed readers know the feed's own address.
 */
export function feedOptions(entries: readonly { id: string; data: Explainer }[], site: URL | string): RSSOptions {
  return {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absoluteUrl('/', site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${SITE_LANG}</language><atom:link href="${escapeXml(absoluteUrl(FEED_PATH, site))}" rel="self" type="application/rss+xml"/>`,
    items: entries.map(({ id, data }) => ({
      title: typeset(data.title),
      link: articlePath(id),
      pubDate: data.published,
      description: typeset(data.summary),
      categories: data.topics,
      customData: creators(data.authors),
    })),
  };
}
