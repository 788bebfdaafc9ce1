/** The RSS feed of explainers, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getExplainers } from '../site/explainers.ts';
import { feedOptions } from '../site/feed.ts';

export async function GET(context: APIContext): Promise<Response> {
  return rss(feedOptions(await getExplainers(), context.site ?? context.url));
}
