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
  /** The line (0-based, in the YAML) the message is about, when it is not the parser's: it often stops a line late. */
  at?: number;
}

/** Translate js-yaml's `reason` for an error at line `index` (0-based) of the YAML's `lines`. */
export function plainYamlError(reason: string, lines: readonly string[], index: number): PlainYamlError {
  const line = lines[index] ?? '';
  const detail = `\n(for developers, the YAML parser said: ${reason})`;
  const with_ = (message: string, hint: string): PlainYamlError => ({ message, hint: `${hint}${detail}` });
  const pair = /^\s*(-\s+)?([\w-]+):\s+(.*\S)\s*$/.exec(line);
  const slip = typingSlip(lines, index) ?? (pair ? valueSlip(pair[2]!, pair[3]!) : undefined);
  if (slip) return { ...with_(slip.message, slip.hint), at: 'at' in slip ? (slip.at as number | undefined) : undefined };
  if (reason.startsWith('bad indentation of a mapping entry') && pair && /:\s/.test(pair[3]!)) {
    // Curly quotes are not quotes to YAML: the suggestion drops them rather than quoting them.
    const value = pair[3]!.replace(/^[“‘„«](.*)[”’“»]$/, '$1');
    return with_(`The value of \`${pair[2]}\` contains a colon, which YAML reads as a new field`, `put the whole value in ${value === pair[3] ? '' : 'straight '}quotes: ${pair[2]}: "${value.replace(/"/g, '\\"')}"`);
  }
  if (reason.startsWith('bad indentation')) return with_('This line is indented differently from the lines around it', 'line up the fields of each source under each other, indented with spaces');
  if (reason.startsWith('tab characters')) return with_('A tab is used to indent this line', 'indent with spaces (two per level), not tabs');
  if (reason.includes('double quoted scalar') || reason.includes('single quoted scalar')) return with_('A quotation mark is opened and never closed', 'close the quotes at the end of the value; type a quote inside it as \\"');
  const opened = lines.slice(Math.max(0, index - 1), index + 1).find((l) => (l.match(/\[/g)?.length ?? 0) > (l.match(/]/g)?.length ?? 0));
  if (reason.includes('flow collection') && opened) return with_('A [ is opened and never closed', 'close the list with ], or put the whole value in quotes if the [ is part of the text: summary: "[…]"');
  if (reason.includes('flow collection')) return with_('A list written in [ ] is missing a comma, or has an item that needs quotes', 'separate the items with commas, and put quotes around an item that contains a comma or a colon: [Desk, "Talks: what next"]');
  if (reason.startsWith('duplicated mapping key')) {
    const twice = duplicate(line, inSources(lines, index));
    return with_(twice.message, twice.hint);
  }
  if (reason.startsWith('unidentified alias') && pair) return with_(`A value starting with ${pair[3]![0]} is read as a YAML instruction`, `put the whole value in quotes: ${pair[2]}: "${pair[3]}"`);
  return with_('The frontmatter is not valid YAML here', 'check the indentation, and put values that contain a colon in quotes, e.g. title: "Talks: what next"');
}

/** A field typed twice: a source's `id` without its `- `, a source field at the start of the line, or a repeat. */
function duplicate(line: string, underSources: boolean): { message: string; hint: string } {
  const key = /^(\s*)([\w-]+):\s*(.*)$/.exec(line);
  if (!key) return { message: 'A field appears twice here', hint: 'keep one of them' };
  const [, indent, name, value] = key as unknown as [string, string, string, string];
  if (name === 'id' && indent.length > 0) return { message: 'A second `id` in the same source: a new source starts with `- `', hint: `write - id: ${value}, with the - under the - of the source above` };
  if (indent === '' && underSources && SOURCE_ONLY.has(name)) return { message: `\`${name}\` starts at the beginning of the line, so it is read as the explainer's \`${name}\`, not the source's`, hint: 'indent it like the other fields of its source' };
  return { message: `\`${name}\` appears twice`, hint: 'keep one of them' };
}

/** True when the field at line `index` follows the `sources:` list (the last unindented field above it). */
function inSources(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) if (/^[\w-]+:/.test(lines[i]!)) return lines[i]!.startsWith('sources:');
  return false;
}

/** Source fields the explainer itself also has (`title`, `published`): unindented, they clash with it. */
const SOURCE_ONLY = new Set(['title', 'url', 'publisher', 'author', 'published', 'accessed', 'archived', 'quote', 'type', 'id']);

/** Slips of typing on the error's line or the line above it (js-yaml often stops one line late). */
function typingSlip(lines: readonly string[], index: number): ({ message: string; hint: string; at?: number }) | undefined {
  for (const at of [index, index - 1]) {
    const found = lineSlip(lines[at] ?? '');
    if (found) return { ...found, at };
  }
  return undefined;
}

/** A slip of typing on one line. */
function lineSlip(line: string): { message: string; hint: string } | undefined {
  const bullet = /^(\s*)[*•·]\s+(.*)$/.exec(line);
  if (bullet) return { message: 'A list item starts with -, not with * or •', hint: `write - ${bullet[2]}, with the - where the * is` };
  const glued = /^(\s*)-([^\s-].*)$/.exec(line);
  if (glued) return { message: 'A list item needs a space after its -', hint: `write - ${glued[2]}` };
  if (/^[ \t\u00a0]*\u00a0/.test(line)) {
    return { message: 'This line is indented with non-breaking spaces (copied from a web page or a word processor)', hint: 'delete the spaces at the start of the line and type them again' };
  }
  const inline = /^\s*([\w-]+):\s+-\s+(.+)$/.exec(line);
  if (inline) return { message: `A list cannot start on the same line as \`${inline[1]}:\``, hint: `write ${inline[1]}: [${inline[2]}], or put "- ${inline[2]}" on the next line` };
  const colon = /^(\s*(?:-\s+)?)([\w-]+):(?![\s/]|$)(.+)$/.exec(line);
  if (colon) return { message: `\`${colon[2]}\` needs a space after its colon`, hint: `write ${colon[1]!.trimStart()}${colon[2]}: ${colon[3]}` };
  return undefined;
}

/** A value YAML reads as something else: quotes inside quotes, a leading `[` or `*`, a Markdown link. */
function valueSlip(key: string, value: string): { message: string; hint: string } | undefined {
  const link = /^\[[^\]]*\]\((\S+)\)$/.exec(value);
  if (link) return { message: `\`${key}\` is written as a Markdown link`, hint: `write only the address: ${key}: ${link[1]}` };
  const inner = value.slice(1, -1);
  if (value.startsWith('"') && /(?<!\\)"/.test(inner)) return { message: `The value of \`${key}\` has a " inside its quotes, which ends the value early`, hint: `write the inner quotes as ' or “ ”: ${key}: "${inner.replace(/(?<!\\)"/g, "'")}"` };
  if (value.startsWith("'") && inner.includes("'") && !inner.includes("''")) return { message: `The value of \`${key}\` has an apostrophe inside single quotes, which ends the value early`, hint: `put the value in double quotes: ${key}: "${inner}"` };
  if (/^[[{]/.test(value) && !/[\]}]$/.test(value)) return { message: `A value starting with ${value[0]} is read as a list`, hint: `put the whole value in quotes: ${key}: "${value}"` };
  if (/^[*&!%@`|>]/.test(value)) return { message: `A value starting with ${value[0]} is read as a YAML instruction`, hint: `put the whole value in quotes: ${key}: "${value.replace(/"/g, '\\"')}"` };
  return undefined;
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
