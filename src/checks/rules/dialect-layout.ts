/**
 * The part of the `dialect` rule (./dialect.ts) about what a page *looks*
 * like, where both parsers read the file alike and both gates would still
 * publish it: markup that makes a reader see a citation that is not there, or
 * not see one that is, or see a paragraph the checks never judged alone.
 *
 * - `<sub>` around a citation prints it small and low, and `<sub>` inside
 *   `<sub>` shrinks it a fifth at each level: thirty levels make a marker a
 *   twentieth of a pixel high while the checks count it as a citation.
 * - Text typed as `[2]`, or a link to a source's entry, looks like a marker
 *   but cites nothing, and its number may name another source.
 * - Two line breaks in a row leave an empty line: readers see two paragraphs,
 *   the checks one, cited by whichever half holds the citation.
 * - Words in a `<figure>` outside its `<figcaption>` would be covered by the
 *   caption's citation, which is there for the figure's images.
 */
import type { Nodes, Parent } from 'mdast';
import { hasClaimText } from '../../citations/claim-text.ts';
import { HANDMADE_MARKER } from '../../citations/lookalikes.ts';
import { parseCitations } from '../../citations/parse.ts';
import { isCitationAnchorLink } from '../../schema/dialect.ts';
import type { Place } from '../../schema/place.ts';

type Report = (place: Place, message: string, hint: string) => void;

/** Where a node stands, for the rules below. */
export interface Layout {
  /** How many <sub> elements stand around the node. */
  subs: number;
}

const placeOf = (node: Nodes): Place => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
const jsxName = (node: Nodes): string | null | undefined => (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? node.name : undefined);
const isBreak = (node: Nodes) => node.type === 'break' || jsxName(node) === 'br';
/** Text a reader sees in inline content (code and link addresses aside), to find a hand-made marker split by emphasis. */
const shownText = (node: Nodes): string => (node.type === 'text' ? node.value : node.type === 'inlineCode' || !('children' in node) ? ' ' : (node.children as Nodes[]).map(shownText).join(''));

/** Report what `node` shows that misleads a reader about its sources; `layout` is where it stands. */
export function layoutProblems(node: Nodes, layout: Layout, report: Report): void {
  const name = jsxName(node);
  // Reported once, at the first <sub> inside another: thirty nested ones are one mistake.
  if (name === 'sub' && layout.subs === 1) {
    report(placeOf(node), '<sub> inside <sub> shrinks the text until readers cannot see it', 'use a single <sub> … </sub>, e.g. H<sub>2</sub>O');
  }
  if (node.type === 'text' && layout.subs > 0 && parseCitations(node.value).groups.length > 0) {
    report(placeOf(node), 'A citation inside <sub> is printed small and below the line', 'put the citation after </sub>: H<sub>2</sub>O [@id]');
  }
  if ((node.type === 'link' || node.type === 'definition') && isCitationAnchorLink(node.url)) {
    report(placeOf(node), `A link to ${node.url} looks like a citation but cites nothing`, 'cite the source with [@id]: the site makes the numbered link and lists the source');
  }
  if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading') {
    const marker = HANDMADE_MARKER.exec(shownText(node));
    if (marker) report(placeOf(node), `\`${marker[0]}\` looks like a citation number but cites nothing`, 'cite the source with [@id]: the site numbers it and links it to the Sources list');
    doubleBreaks(node, report);
  }
  if (name === 'figure') looseFigureText(node as Parent, report);
}

/** Two line breaks with nothing to read between them: an empty line inside one paragraph. */
function doubleBreaks(node: Parent, report: Report): void {
  let open = false;
  for (const child of node.children as Nodes[]) {
    if (isBreak(child)) {
      if (open) {
        report(placeOf(child), 'Two line breaks in a row leave an empty line, so readers see two paragraphs', 'leave a blank line between paragraphs instead, and give each paragraph its own citation');
        return;
      }
      open = true;
    } else if (child.type !== 'text' || hasClaimText(child.value)) open = false;
  }
}

/** Words in a figure that are not in its caption (directly, or in a paragraph of the figure's own). */
function looseFigureText(figure: Parent, report: Report): void {
  for (const child of figure.children as Nodes[]) {
    const texts = child.type === 'paragraph' ? (child.children as Nodes[]) : [child];
    const loose = texts.find((n) => n.type !== 'mdxJsxTextElement' && n.type !== 'mdxJsxFlowElement' && hasClaimText(shownText(n)));
    if (loose) {
      report(placeOf(loose), 'Words in a <figure> outside its <figcaption> are not part of the caption', 'put the words in the <figcaption> with its citation, or write them as a paragraph after </figure>');
      return;
    }
  }
}
