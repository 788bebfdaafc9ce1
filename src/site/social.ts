/**
 * What link previews show for a page: its picture (the explainer's own, or the
 * site's default card), the picture's description, and the locale. Shared by
 * the Open Graph and Twitter tags and the JSON-LD, so they never disagree.
 */
import type { Explainer } from '../schema/explainer.ts';
import { absoluteUrl } from './paths.ts';

/** A picture for link previews, with an absolute URL. */
export interface SocialImage {
  url: string;
  alt: string;
  /** Known only for the site's own cards; an explainer's image is not measured. */
  width?: number;
  height?: number;
  type: 'image/png' | 'image/jpeg';
}

/**
 * The site's default link-preview card (public/social/default.png, 1200×630,
 * the size Open Graph and Twitter's large card expect). Made from
 * public/social/default.svg with Chromium (logo.png likewise, at 512,512 and
 * with `--default-background-color=00000000` for its transparent corners):
 * `chromium --headless --hide-scrollbars --window-size=1200,630 --screenshot=public/social/default.png public/social/default.svg`
 */
export const DEFAULT_IMAGE = {
  path: '/social/default.png',
  width: 1200,
  height: 630,
  alt: 'Sourced Explainers: explainers on fast-moving events where every claim links to its source.',
} as const;

/** The publisher's logo for JSON-LD (public/social/logo.png, a square PNG). */
export const LOGO = { path: '/social/logo.png', width: 512, height: 512 } as const;

/** MIME type of an image path: the schema allows only PNG and JPEG. */
function imageType(path: string): SocialImage['type'] {
  return /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
}

/** The page's preview picture: the explainer's `image` when it has one, else the default card. */
export function socialImage(data: Pick<Explainer, 'image' | 'imageAlt'> | undefined, site: URL | string): SocialImage {
  if (data?.image && data.imageAlt) return { url: absoluteUrl(data.image, site), alt: data.imageAlt, type: imageType(data.image) };
  return { url: absoluteUrl(DEFAULT_IMAGE.path, site), alt: DEFAULT_IMAGE.alt, width: DEFAULT_IMAGE.width, height: DEFAULT_IMAGE.height, type: 'image/png' };
}

/**
 * Open Graph locale (`en_GB`) for a BCP 47 language tag (`en-GB`), so the
 * preview tags say what `<html lang>` says. A tag without a region stays as it is.
 */
export function ogLocale(lang: string): string {
  const [language = lang, region] = lang.split('-');
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

/** One `<meta>` tag: Open Graph tags use `property`, Twitter's use `name`. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/**
 * The preview-image tags for a page: `og:image` with its type, size and
 * description, and the same picture for Twitter's large card.
 */
export function imageMetaTags(image: SocialImage): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });
  return [
    og('og:image', image.url),
    og('og:image:type', image.type),
    ...(image.width && image.height ? [og('og:image:width', String(image.width)), og('og:image:height', String(image.height))] : []),
    og('og:image:alt', image.alt),
    twitter('twitter:image', image.url),
    twitter('twitter:image:alt', image.alt),
  ];
}
