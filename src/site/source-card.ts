/**
 * The content of a source card (browser code, bundled into SourceCards.astro's
 * script): built only from the marker's entry in the page's own Sources list,
 * so the card can never show anything the list does not.
 */

/** The id of the one card element; its title gets `${CARD_ID}-title`. */
export const CARD_ID = 'source-card';

/** `<tag class="source-card__name">text</tag>`. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = `source-card__${className}`;
  if (text) node.textContent = text;
  return node;
}

function link(href: string, text: string, external: boolean): HTMLAnchorElement {
  const a = el('a', 'link', text);
  a.href = href;
  if (external) a.rel = 'noopener noreferrer';
  return a;
}

const textOf = (root: Element, selector: string): string => root.querySelector(selector)?.textContent?.trim() ?? '';

/**
 * The card's children for `marker`, read from its entry in `list` (the page's
 * Sources list), or undefined when the marker points to no entry with a link.
 * `onClose` runs when the reader presses the card's close button.
 */
export function cardContent(marker: HTMLAnchorElement, list: HTMLOListElement | null, onClose: () => void): Node[] | undefined {
  const id = decodeURIComponent(marker.hash.slice(1));
  const entry = list ? [...list.children].find((item) => item.id === id) : undefined;
  const source = entry?.querySelector<HTMLAnchorElement>('.source__link');
  if (!entry || !source) return undefined;
  const type = textOf(entry, '.source__type');
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', onClose);
  const title = el('p', 'title', source.textContent?.trim());
  title.id = `${CARD_ID}-title`;
  const byline = [textOf(entry, '.source__author'), textOf(entry, '.source__publisher'), textOf(entry, '.source__published')].filter(Boolean).join(' · ');
  const parts: Node[] = [close, el('p', 'kicker', `Source ${marker.textContent}${type ? ` · ${type}` : ''}`), title, el('p', 'meta', byline)];
  const locator = marker.dataset.locator;
  if (locator) parts.push(el('p', 'locator', `Cited at ${locator}`));
  const quote = textOf(entry, '.source__quote');
  if (quote) parts.push(el('blockquote', 'quote', `“${quote}”`));
  const health = textOf(entry, '.source__health');
  if (health) parts.push(el('p', 'health', health));
  const links = el('p', 'links');
  links.append(link(source.href, 'Open source', true));
  const archived = entry.querySelector<HTMLAnchorElement>('.source__archived');
  if (archived) links.append(link(archived.href, 'Archived copy', true));
  // The back-link to this marker, inside the entry (src/components/SourcesList.astro).
  const back = [...entry.querySelectorAll<HTMLAnchorElement>('.source__backlink')].find((a) => a.hash === `#${marker.id}`);
  links.append(link(back?.id ? `#${back.id}` : marker.hash, 'Full entry in Sources', false));
  parts.push(links);
  return parts;
}
