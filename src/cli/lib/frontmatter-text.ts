/**
 * Where an explainer's YAML frontmatter is in its text, so commands can edit
 * it in place without re-serialising (which would lose comments and layout).
 * The one reader (src/schema/explainer-file.ts) finds it; this only turns
 * its offsets back into offsets of the text as the file holds it.
 */
import { readExplainer } from '../../schema/explainer-file.ts';

/** Where the frontmatter is in a file's text. */
export interface FrontmatterSlice {
  /** Offset of the first character of the YAML (the line after the opening `---`). */
  start: number;
  /** Offset of the closing `---` line: the YAML is `text.slice(start, end)` and ends with a line break (or is empty). */
  end: number;
  /** The line break the file uses, so inserted lines match it. */
  eol: '\n' | '\r\n';
  /** The YAML text. */
  yaml: string;
}

/** Locate the frontmatter in `text`; undefined when the file has none the checks can read. */
export function frontmatterSlice(text: string): FrontmatterSlice | undefined {
  const file = readExplainer('', text);
  const block = file.frontmatter;
  if (!block) return undefined;
  // The reader drops a byte-order mark; offsets here are into the text as written.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const [start, end] = [block.start + bom, block.end + bom];
  return { start, end, eol: file.eol, yaml: text.slice(start, end) };
}
