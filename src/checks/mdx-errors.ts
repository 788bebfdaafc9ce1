/**
 * The MDX parser's errors in a journalist's words. The parser stops at the
 * first thing it cannot read and says so in its own terms ("Unexpected
 * character `1` (U+0031) before name"); writers get what happened and what to
 * type instead, keyed on the parser's rule id and the character it met, and
 * the parser's own words follow on a second line, for developers.
 */

import { CONTENT_COMPONENTS } from '../schema/dialect.ts';
import { closest } from '../schema/suggest.ts';

/** A parser error as micromark and mdast-util-mdx-jsx raise it. */
interface ParserError {
  ruleId?: string;
  reason?: string;
  message?: string;
}

/** What a writer reads. */
export interface PlainError {
  message: string;
  hint: string;
}

const NAME = /`([^`]+)`/;
const isComponentTag = (tag: string) => Object.hasOwn(CONTENT_COMPONENTS, tag.replace(/[<>/]/g, ''));

/**
 * A closing tag that is the opening one misspelt or in other capitals (`<Analysis>` … `</analysis>`,
 * `</Analysys>`): say which to write, the site's component name when one of the two is it.
 */
function mismatchedName(reason: string): PlainError | undefined {
  const names = /closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason);
  if (!names) return undefined;
  const [, closing, opening] = names as unknown as [string, string, string];
  if (closest(closing, [opening]) === undefined) return undefined;
  const right = closest(opening, Object.keys(CONTENT_COMPONENTS)) ?? opening;
  if (right === opening) return { message: `<${opening}> is closed as </${closing}>`, hint: `write </${opening}>: the closing tag repeats the name exactly, capitals included` };
  return { message: `<${opening}> is written with the wrong letters: the component is <${right}>`, hint: `write <${right}> … </${right}>` };
}

/** Translate a parser error; `charAt` is the character at the error's place, `line` the text of its line. */
export function plainMdxError(error: ParserError, charAt: string, line = ''): PlainError {
  const reason = (error.reason ?? error.message ?? '').replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '').replace(/\s+/g, ' ').trim();
  const detail = `\n(for developers, the MDX parser said: ${reason})`;
  const with_ = (message: string, hint: string): PlainError => ({ message, hint: `${hint}${detail}` });
  const tag = NAME.exec(reason)?.[1];
  switch (error.ruleId) {
    case 'unexpected-character':
      if (reason.includes('before attribute value')) return with_('A setting of a tag is written without quotes', 'write it in quotes: src="/images/map.png"');
      if (charAt === '!' || reason.includes('`!`')) return with_('HTML comments (<!-- … -->) cannot be used in an explainer', 'write a note to editors as {/* note */}, or delete it');
      if (/[\d\s]/.test(charAt) || /`\d`/.test(reason)) return with_('A < followed by a number or a space is read as the start of a tag', 'write it in words ("less than 10"), or type \\< 10');
      return with_('A < is read as the start of a tag here', 'to show the character itself, type \\<');
    case 'unexpected-eof':
      if (reason.includes('expression')) return with_('A { is opened and never closed', 'to show a brace, type \\{; a note to editors is written {/* note */}');
      return with_('A < right before a letter is read as the start of a tag', 'put spaces around it ("a < b"), or type \\<');
    case 'acorn': {
      // `{@e3-draft}`: a citation typed in the wrong brackets.
      const cited = /\{\s*@([a-z0-9][a-z0-9-]*)/i.exec(line);
      if (cited) return with_('Citations are written in square brackets [ ], not curly braces { }', `write [@${cited[1]!.toLowerCase()}]`);
      return with_('Curly braces { } are read as code, and what is between them is not code', 'to show a brace, type \\{ and \\}; for a note to editors that readers do not see, write {/* note */}');
    }
    case 'unexpected-lazy':
      return with_('A line of a note {/* … */} inside a list or quote is not indented like the rest', 'indent every line of the note like the list item (or start it with > in a quote), or keep the note on one line');
    case 'end-tag-mismatch':
      if (tag === '<br>') return with_('<br> must be written <br />', 'add the slash: <br />');
      if (reason.startsWith('Unexpected closing tag')) {
        const misspelt = mismatchedName(reason);
        if (misspelt) return with_(misspelt.message, misspelt.hint);
      }
      // Text right after <Analysis> on its line makes the tag part of a paragraph, which ends before the closing tag.
      if (tag && isComponentTag(tag) && reason.includes('before the end of `paragraph`')) {
        return with_(`${tag} must be on a line of its own`, `put the text on the next line, and ${tag.replace('<', '</')} on a line of its own after it`);
      }
      if (reason.startsWith('Unexpected closing tag')) return with_(`Tags are closed in the wrong order: ${tag} closes before what was opened inside it`, 'close tags in the reverse order you opened them, or write Markdown instead');
      return with_(`${tag ?? 'A tag'} is opened but never closed`, `add ${tag ? tag.replace('<', '</') : 'the closing tag'} on a line of its own after the text, with a blank line before it`);
    case 'unexpected-closing-slash': {
      const closing = /<\/\s*([A-Za-z][\w-]*)\s*>/.exec(line)?.[1];
      if (closing) return with_(`</${closing}> closes something that was never opened`, `delete it, or add <${closing}> on a line of its own before the text it closes`);
      return with_('A closing tag </…> closes something that was never opened', 'delete it, or add the opening tag before the text');
    }
    default:
      return with_('The file cannot be read as MDX here', 'close every <Tag> you open, and type \\{ or \\< to show those characters');
  }
}
