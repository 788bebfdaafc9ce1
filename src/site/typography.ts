/**
 * Typography for text that comes from frontmatter (titles, summaries, source
 * titles, corrections): the same curly quotes and dashes Sätteri's smart
 * punctuation gives the body text, so a headline and the paragraph under it
 * never disagree ("Europe's" in one, "Europe’s" in the other). Plain text in,
 * plain text out: escaping stays the job of whatever prints it.
 */

/** Apostrophes and quotes after which a quote opens rather than closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/**
 * Curly quotes (‘ ’ “ ”), apostrophes (’), en and em dashes (-- → –, --- → —)
 * and ellipses (... → …). Text already typeset is left as it is.
 */
export function typeset(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const before = i === 0 ? ' ' : text[i - 1]!;
      const opens = OPENS_AFTER.test(before);
      out += c === '"' ? (opens ? '“' : '”') : opens ? '‘' : '’';
      continue;
    }
    out += c;
  }
  return out.replace(/---/g, '—').replace(/--/g, '–').replace(/\.\.\./g, '…');
}

/**
 * `text` typeset to stand inside double quotes (a title in a reference):
 * its own double quotes become single, as British and American style nest them.
 */
export function typesetQuoted(text: string): string {
  return typeset(text).replace(/“/g, '‘').replace(/”/g, '’');
}
