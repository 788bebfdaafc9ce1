/**
 * Which names an explainer file may have: its name is its web address
 * (`e3-talks.mdx` is published at /explainers/e3-talks/), so it must already
 * be a slug. Astro would otherwise slug it on its own, and two files such as
 * `Talks.mdx` and `talks.mdx` would share one address, one of them lost.
 */

/**
 * Slugs a new explainer may not take: names the site or its tools use next to
 * articles (`index`, `404`, search and listing pages, feeds, build assets),
 * and names Windows cannot check out (`con`, `nul`…).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', '404', '500', 'search', 'sources', 'topics', 'topic', 'publishers', 'authors', 'tags',
  'about', 'methodology', 'explainers', 'rss', 'feed', 'sitemap', 'robots', 'favicon', 'pagefind',
  'assets',
  'con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
]);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Why a slug cannot be used as an explainer file name, or undefined when it can.
 * Only lowercase ASCII letters, digits and single inner hyphens pass, so a slug
 * can never name another folder (`..`, `/`), a hidden file or a reserved page.
 */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'it has no letters or digits that can go in a web address';
  if (!SLUG.test(slug)) return `"${slug}" may only contain lowercase letters a-z, digits and single hyphens between them`;
  if (slug.length > 100) return `"${slug}" is longer than 100 characters`;
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved for a page or file the site itself uses`;
  return undefined;
}
