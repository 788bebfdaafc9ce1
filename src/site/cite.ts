/** The "Cite this explainer" text: a plain reference readers can paste. */
import type { Explainer } from '../schema/explainer.ts';
import { formatDate, joinNames } from './format.ts';
import { absoluteUrl, articlePath } from './paths.ts';
import { SITE_NAME } from './site-info.ts';

/** The parts of a reference, so the page can mark up the title. */
export interface CiteParts {
  authors: string;
  year: number;
  title: string;
  site: string;
  dates: string;
  url: string;
  /** The whole reference as one line. */
  text: string;
}

/**
 * `Explainers desk (2026). “Title.” Sourced Explainers, 26 November 2026 (updated 28 November 2026). https://…/`
 */
export function citeExplainer(entry: { id: string; data: Pick<Explainer, 'title' | 'authors' | 'published' | 'updated'> }, site: URL | string): CiteParts {
  const { data } = entry;
  const authors = joinNames(data.authors);
  const year = data.published.getUTCFullYear();
  const dates = `${formatDate(data.published)}${data.updated ? ` (updated ${formatDate(data.updated)})` : ''}`;
  const url = absoluteUrl(articlePath(entry.id), site);
  const title = data.title.replace(/[.!?]?$/, (end) => end || '.');
  return { authors, year, title, site: SITE_NAME, dates, url, text: `${authors} (${year}). “${title}” ${SITE_NAME}, ${dates}. ${url}` };
}
