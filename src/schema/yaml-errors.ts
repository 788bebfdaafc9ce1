/**
 * YAML mistakes in a journalist's words: js-yaml's reason ("bad indentation
 * of a mapping entry") becomes what happened and what to type instead, with
 * the line's own key and value in the example. The parser's words follow on a
 * second line, for developers. Also: a list item that swallowed the next one,
 * which YAML reads without complaint.
 */

/** What a writer reads. */
export interface PlainYamlError {
  message: string;
  hint: string;
}

/** Translate js-yaml's `reason` for an error at line `index` (0-based) of the YAML's `lines`. */
export function plainYamlError(reason: string, lines: readonly string[], index: number): PlainYamlError {
  const line = lines[index] ?? '';
  const detail = `\n(for developers, the YAML parser said: ${reason})`;
  const with_ = (message: string, hint: string): PlainYamlError => ({ message, hint: `${hint}${detail}` });
  const pair = /^\s*(-\s+)?([\w-]+):\s+(.*\S)\s*$/.exec(line);
  if (reason.startsWith('bad indentation of a mapping entry') && pair && /:\s/.test(pair[3]!)) {
    return with_(`The value of \`${pair[2]}\` contains a colon, which YAML reads as a new field`, `put the whole value in quotes: ${pair[2]}: "${pair[3]!.replace(/"/g, '\\"')}"`);
  }
  if (reason.startsWith('bad indentation')) return with_('This line is indented differently from the lines around it', 'line up the fields of each source under each other, indented with spaces');
  if (reason.startsWith('tab characters')) return with_('A tab is used to indent this line', 'indent with spaces (two per level), not tabs');
  if (reason.includes('double quoted scalar') || reason.includes('single quoted scalar')) return with_('A quotation mark is opened and never closed', 'close the quotes at the end of the value; type a quote inside it as \\"');
  const opened = lines.slice(Math.max(0, index - 1), index + 1).find((l) => (l.match(/\[/g)?.length ?? 0) > (l.match(/]/g)?.length ?? 0));
  if (reason.includes('flow collection') && opened) return with_('A [ is opened and never closed', 'close the list with ], or put the whole value in quotes if the [ is part of the text: summary: "[…]"');
  if (reason.includes('flow collection')) return with_('A list written in [ ] is missing a comma, or has an item that needs quotes', 'separate the items with commas, and put quotes around an item that contains a comma or a colon: [Desk, "Talks: what next"]');
  if (reason.startsWith('duplicated mapping key')) return with_('A field appears twice here', 'keep one of them');
  return with_('The frontmatter is not valid YAML here', 'check the indentation, and put values that contain a colon in quotes, e.g. title: "Talks: what next"');
}

/** A list item followed by a more-indented `- …` line: YAML joins them into one item. */
export interface SwallowedItem {
  /** 1-based line (within the YAML) of the swallowed `- …` line. */
  line: number;
  swallowed: string;
  joined: string;
}

/** Find list items that swallow the next line (`- Ukraine peace talks` then a deeper `- Europe`); linear. */
export function swallowedItems(yaml: string): SwallowedItem[] {
  const lines = yaml.split(/\r?\n/);
  const found: SwallowedItem[] = [];
  for (let i = 1; i < lines.length; i++) {
    const above = /^(\s*)-\s+([^:#]+?)\s*$/.exec(lines[i - 1]!);
    const here = /^(\s*)-\s+(.+?)\s*$/.exec(lines[i]!);
    if (above && here && here[1]!.length > above[1]!.length) found.push({ line: i + 1, swallowed: `- ${here[2]}`, joined: `${above[2]} - ${here[2]}` });
  }
  return found;
}
