/** Facts about the publication itself, shared by the layout, feeds and structured data. */

/** The site's name as readers see it. */
export const SITE_NAME = 'Sourced Explainers';

/** One-line description of the site, for the home page, the feed and link previews. */
export const SITE_DESCRIPTION = 'Explainers on fast-moving events where every claim links to its source.';

/** Language of every page (also `<html lang>`). */
export const SITE_LANG = 'en';
