/**
 * The explainer frontmatter schema: one definition shared by Astro's content
 * collection, the citation checker and the tests, so they can never disagree.
 */
import { z } from 'astro/zod';

/** Source ids: lowercase letters, digits and single hyphens, e.g. `e3-draft`. */
export const SOURCE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Source types a writer may label a source with. */
export const SOURCE_TYPES = ['primary', 'official', 'news', 'analysis', 'reference'] as const;

/**
 * True when `value` is an absolute http(s) URL with a host.
 * Everything else (javascript:, data:, relative paths) is refused, because
 * source URLs end up in `href` attributes that readers click.
 */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

const httpUrl = z
  .string({ error: 'is required: an absolute URL starting with https://' })
  .trim()
  .refine(isHttpUrl, { error: 'must be an absolute URL starting with http:// or https://' })
  // A space is never part of an address (a browser would send %20): the address was cut or pasted wrong.
  .refine((value) => !/\s/.test(value), { error: 'has a space in it, and a web address has none' })
  // `https://www.reuters.com@evil.test/` opens evil.test: what stands before the @ is a user name,
  // and the address would show a reader (in print, in the status bar) a site it does not open.
  .refine((value) => !/^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(value.trim()), { error: 'has a name and @ before the site (name@site), so it shows one site and opens another: copy the address again from the browser\'s address bar' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A calendar date written as `2025-11-23` (YAML may already have turned it into a Date).
 * Strings such as "last week" or "2025-02-31" are refused with a hint instead of
 * silently becoming "Invalid Date" or another day.
 */
export const dateField = z.unknown().transform((value, ctx): Date => {
  const date = value instanceof Date ? value : typeof value === 'string' && ISO_DATE.test(value.trim()) ? new Date(value.trim()) : undefined;
  const roundTrips = typeof value !== 'string' || date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) === value.trim().slice(0, 10);
  if (date === undefined || Number.isNaN(date.getTime()) || !roundTrips) {
    ctx.addIssue({ code: 'custom', message: value === undefined ? 'is required: a date written as YYYY-MM-DD' : 'must be a real date written as YYYY-MM-DD, e.g. 2025-11-23' });
    return z.NEVER;
  }
  return date;
});

const text = (what: string) =>
  z.string({ error: `is required: ${what}` }).trim().min(1, { error: `must not be empty: ${what}` });

/**
 * A name that becomes a page address (topics, publishers): short enough for
 * a readable address and for every file system (a 400-character topic made
 * the build fail with ENAMETOOLONG).
 */
const name = (what: string, max: number) => text(what).max(max, { error: `is too long: ${what}, at most ${max} characters` });

/** Longest topic and publisher names (src/site/paths.ts cuts their addresses as well). */
export const NAME_LIMITS = { topic: 60, publisher: 100 } as const;

/**
 * A person's name in parts, as citation styles need it (`Doe, J.`): family name
 * required, given names optional (some people have one name).
 */
export const personNameSchema = z.strictObject(
  {
    family: text('the family name, e.g. Doe'),
    given: z.string().trim().min(1).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be a name such as { family: Doe, given: Jane }') },
);

/**
 * A picture of this site for link previews: a site path to a PNG or JPEG file
 * in public/ (link previews do not show SVG or WebP everywhere). The build's
 * link check fails when the file does not exist.
 */
export const SITE_IMAGE_PATTERN = /^\/(?!\/)[A-Za-z0-9._~\/-]+\.(?:png|jpe?g)$/i;

/** One source in an explainer's frontmatter. */
export const sourceSchema = z.strictObject(
  {
    id: z
      .string({ error: 'is required: a short slug the text cites as [@id]' })
      .regex(SOURCE_ID_PATTERN, {
        error: 'must be lowercase letters, digits and hyphens, e.g. e3-draft',
      }),
    title: text('the title of the cited page or document'),
    url: httpUrl,
    publisher: name('who published the source, e.g. Reuters', NAME_LIMITS.publisher),
    author: z.string().trim().min(1).optional(),
    published: dateField.optional(),
    /** When the writer last checked the page; optional because it must never be guessed. */
    accessed: dateField.optional(),
    archived: httpUrl.optional(),
    quote: z.string().trim().min(1).optional(),
    type: z.enum(SOURCE_TYPES, { error: `must be one of: ${SOURCE_TYPES.join(', ')}` }).optional(),
    /** The author names split for reference managers; readers still see `author` as written. */
    authorNames: z.array(personNameSchema, { error: 'must be a list of names such as { family: Doe, given: Jane }' }).min(1).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be a source with id, title, url and publisher') },
);

/** Per-article severity overrides for the citation checks. */
export const checksOverrideSchema = z.record(z.string(), z.enum(['off', 'warning', 'error']));

/** The whole frontmatter of an explainer. */
export const explainerSchema = z.strictObject({
  title: text('the headline'),
  summary: text('one or two sentences shown under the headline'),
  published: dateField,
  updated: dateField.optional(),
  authors: z.array(text('an author name')).min(1, { error: 'must list at least one author' }),
  topics: z.array(name('a topic name such as "Ukraine peace talks"', NAME_LIMITS.topic)).default([]),
  corrections: z
    .array(z.strictObject({ date: dateField, text: text('what was corrected') }))
    .default([]),
  draft: z.boolean().default(false),
  checks: checksOverrideSchema.optional(),
  sources: z.array(sourceSchema, { error: 'must be a list of sources' }),
  /** Optional picture for link previews (Open Graph, Twitter, JSON-LD); the site's default otherwise. */
  image: z
    .string()
    .trim()
    .refine((value) => SITE_IMAGE_PATTERN.test(value) && !value.split('/').includes('..'), {
      error: 'must be the path of a PNG or JPEG file of this site, e.g. /images/geneva-talks.png (a file in public/)',
    })
    .optional(),
  /** What the image shows, for readers who cannot see it; required with `image`. */
  imageAlt: text('what the image shows').optional(),
}).superRefine((data, ctx) => {
  if (data.image !== undefined && data.imageAlt === undefined) {
    ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'is required with `image`: say what the image shows, for readers who cannot see it' });
  }
});

/** A source after validation. */
export type Source = z.output<typeof sourceSchema>;
/** Explainer frontmatter after validation. */
export type Explainer = z.output<typeof explainerSchema>;
