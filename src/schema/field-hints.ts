/**
 * The fix for a frontmatter value the schema refused, worked out from what
 * the writer typed: the date `26/11/2025` or `26 November 2025` written as
 * `2025-11-26`, a web address given its `https://`, text turned into a list,
 * a source type in lowercase, a source id with the characters it cannot have
 * named. Each returns a message to add and the line to type, or undefined.
 */
import { describeIdSlip, fixId } from '../citations/id-slips.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-11-26` from a date written another common way; undefined when it is ambiguous or not a date. */
export function isoDate(written: string): string | undefined {
  const text = written.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let day: number | undefined, month: number | undefined, year: number | undefined;
  const numeric = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/.exec(text);
  const named = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/.exec(text) ?? /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(text);
  if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (numeric[1]!.length === 4) [year, month, day] = [a, b, c];
    else if (numeric[3]!.length === 4) {
      // 26/11/2025 is day first; 11/26/2025 month first; 05/06/2025 could be either, so no guess.
      if (a > 12 && b <= 12) [day, month, year] = [a, b, c];
      else if (b > 12 && a <= 12) [month, day, year] = [a, b, c];
    }
  } else if (named) {
    const [x, y, z] = [named[1]!, named[2]!, named[3]!];
    const name = /^\d/.test(x) ? y : x;
    month = MONTHS.indexOf(name.slice(0, 3)) + 1 || undefined;
    day = Number(/^\d/.test(x) ? x : y);
    year = Number(z);
  }
  if (!day || !month || !year) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** What to type for `value`, refused as the field `key` with the schema's `message`. */
export function fieldHint(key: string, value: unknown, message: string): { note?: string; hint?: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (message.includes('real date')) {
    const iso = isoDate(text);
    return { hint: iso ? `write ${key}: ${iso}` : `write it as year-month-day, e.g. ${key}: 2025-11-26` };
  }
  if (message.includes('must be a list')) return { hint: `write ${key}: [${text}]` };
  if (message.includes('absolute URL')) {
    const bare = text.replace(/^<(.*)>$/, '$1');
    // `htps://`, `http//`, `https:/` get their scheme retyped; `crisis.zone/…` and `www.…` get one.
    const scheme = /^[a-z]{2,6}:?\/\/?(?=[\w-]+\.)/i.exec(bare);
    const fixed = scheme ? `https://${bare.slice(scheme[0].length)}` : /^[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)/.test(bare) ? `https://${bare}` : undefined;
    return { hint: fixed && fixed !== text ? `write ${key}: ${fixed}` : `copy the address from the browser's address bar; it starts with https://` };
  }
  if (message.includes('has a space')) return { hint: "copy the address again from the browser's address bar" };
  if (message.startsWith('must be one of')) {
    return /^[a-z]+$/i.test(text) && message.includes(text.toLowerCase()) ? { hint: `write it in lowercase: ${key}: ${text.toLowerCase()}` } : undefined;
  }
  if (key === 'id' && message.includes('lowercase')) {
    const fixed = fixId(text);
    return { note: `the id \`${text}\` has ${describeIdSlip(text)}`, hint: fixed ? `write id: ${fixed}, and cite it as [@${fixed}]` : undefined };
  }
  return undefined;
}
