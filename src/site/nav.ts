/** The site header's sections, and what the header shows on a given page. */

/** One section link in the header. */
export interface NavItem {
  href: string;
  label: string;
}

/** The header's sections, in reading order. */
export const NAV: readonly NavItem[] = [
  { href: '/explainers/', label: 'Explainers' },
  { href: '/topics/', label: 'Topics' },
  { href: '/sources/', label: 'Sources' },
  { href: '/methodology/', label: 'How we work' },
];

/** The section a page belongs to, if any. */
export function currentSection(pathname: string): string | undefined {
  return NAV.find((item) => pathname.startsWith(item.href))?.href;
}

/** aria-current for a header link: `page` on the section's own page, `true` on a page inside it. */
export function ariaCurrent(href: string, pathname: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  return currentSection(pathname) === href ? 'true' : undefined;
}

/** Is `pathname` the search page, which has its own search box (so the header shows none)? */
export function isSearchPage(pathname: string): boolean {
  return /^\/search(?:\/|\/index\.html)?$/.test(pathname);
}
