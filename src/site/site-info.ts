/** Facts about the publication itself, shared by the layout, feeds and structured data. */

/** The site's name as readers see it. */
export const SITE_NAME = 'Sourced Explainers';

/** One-line description of the site, for the home page, the feed and link previews. */
export const SITE_DESCRIPTION = 'Explainers on fast-moving events where every claim links to its source.';

/**
 * Language of every page, as a BCP 47 tag: `<html lang>`, the feed's
 * `<language>`, JSON-LD `inLanguage` and (as `en_GB`) `og:locale`. British
 * English, as the site is written (spelling, dates such as 26 November 2025).
 */
export const SITE_LANG = 'en-GB';
