/**
 * Frontmatter that YAML reads without complaint but not as the writer meant:
 * a list item that swallows the next line, a value in curly quotes (Word's
 * “smart” quotes are not quotes to YAML, so readers would see them in the
 * headline), and a value starting with `#` (a comment to YAML, so the field
 * is empty). Each is found on the lines as typed, in linear time.
 */
import { swallowedItems } from './yaml-errors.ts';

/** A slip at `line` (1-based, within the YAML). */
export interface YamlSlip {
  line: number;
  message: string;
  hint: string;
}

const CURLY = /^(\s*(?:-\s+)?)([\w-]+):[ \t]+([“‘„«‹])(.*)([”’“»›])[ \t]*$/;
const COMMENT = /^(\s*(?:-\s+)?)([\w-]+):[ \t]+(#.*?)\s*$/;

/** Every slip of `yaml`, in line order. */
export function yamlSlips(yaml: string): YamlSlip[] {
  const slips: YamlSlip[] = swallowedItems(yaml).map((item) => ({
    line: item.line,
    message: `\`${item.swallowed}\` is indented more than the line above, so it joins it: the list gets one item, "${item.joined}"`,
    hint: `give \`${item.swallowed}\` the same indentation as the line above`,
  }));
  yaml.split(/\r?\n/).forEach((text, i) => {
    const curly = CURLY.exec(text);
    if (curly) {
      const [, , key, open, value, close] = curly as unknown as [string, string, string, string, string, string];
      slips.push({
        line: i + 1,
        message: `The value of \`${key}\` is in curly quotes ${open} ${close}, which stay part of the text: readers would see them`,
        hint: `use straight quotes: ${key}: "${value.replace(/"/g, '\\"')}" (to show the curly quotes, put them inside straight ones: ${key}: "${open}${value}${close}")`,
      });
    }
    const comment = COMMENT.exec(text);
    if (comment) {
      slips.push({ line: i + 1, message: `\`${comment[2]}\` is empty: a # after the colon starts a note that the site ignores`, hint: `put the value in quotes: ${comment[2]}: "${comment[3]}"` });
    }
  });
  return slips.sort((a, b) => a.line - b.line);
}
