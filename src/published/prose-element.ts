/**
 * The published-page judge (./verify.ts), one element opening inside the
 * explainer's text: is it allowed, what block does it start or end, and is it
 * a citation marker. Pure: it reads the parent's frame and returns the new one.
 */
import { ALLOWED, attributeAllowed, LOCATOR_CLASS, MARKER_ATTRIBUTES } from './allowed.ts';
import { BLOCKS, HEADINGS, judgeBlock, newBlock, SEGMENTING, snippet, type Block } from './blocks.ts';
import type { Marker, PageProblem } from './finish.ts';
import { lookalikeElement } from './lookalikes.ts';
import { PAGE_CHECKS } from './rules.ts';

/** What the judge knows about an open element. */
export interface Frame {
  name: string;
  block?: Block;
  owner: Block | undefined;
  figure: Block | undefined;
  literal: boolean;
  analysis: boolean;
  marker: boolean;
  exempt: boolean;
  /** Inside <del>: a crossed-out citation supports nothing. */
  struck: boolean;
  /** <sub> elements around: a citation there is small and low, and a <sub> in one smaller still. */
  subs: number;
  /** A marker's locator text (`p. 4` in `[1, p. 4]`). */
  locator: boolean;
}

/** What opening an element needs besides its parent: the build's Analysis mark, and where problems go. */
export interface ProseContext {
  analysisMark: string;
  problems: PageProblem[];
}

/** Judge a finished block: a claim without a citation of its own is a problem. */
export function judge(block: Block, problems: PageProblem[]): void {
  const problem = judgeBlock(block);
  if (problem) problems.push(problem);
}

/** Open `name` inside `parent` in the explainer's text; returns its frame, and the marker it starts, if any. */
export function openProse(name: string, attribs: Record<string, string>, parent: Frame, { analysisMark, problems }: ProseContext): { frame: Frame; marker?: Marker } {
  const notAllowed = (message: string, hint: string) => problems.push({ ruleId: PAGE_CHECKS.notAllowed.id, message, hint });
  let marker: Marker | undefined;
  const allowed = ALLOWED.get(name);
  const frame: Frame = { ...parent, name, block: undefined, marker: parent.marker, exempt: parent.exempt };
  const klass = attribs.class ?? '';
  const isMarkerLink = name === 'a' && parent.marker && klass === 'cite-link';
  const isAnalysis = name === 'aside' && klass === 'analysis' && attribs['data-analysis'] === analysisMark && attribs['aria-label'] === 'Analysis';
  if (!allowed) notAllowed(`The published page has a <${name}> element in the text`, 'explainers may only use Markdown, <Analysis> and the HTML the README lists: remove it');
  else if (name === 'aside' && !isAnalysis) notAllowed('The published text has a box that looks like Analysis but was not made by <Analysis>', 'use <Analysis> … </Analysis>');
  else {
    for (const [attribute, value] of Object.entries(attribs)) {
      if (isMarkerLink ? MARKER_ATTRIBUTES.has(attribute) : attributeAllowed(name, attribute, value, allowed, parent.analysis, parent.marker)) continue;
      if (attribute === 'href') notAllowed(`A link in the published text goes to "${snippet(value)}"`, 'links may go to https:// pages, mail addresses or pages of this site');
      else notAllowed(`A <${name}> in the published text has the attribute ${attribute}`, 'explainers cannot style, hide or label text by hand: remove it');
    }
  }
  const lookalike = lookalikeElement(name, klass, attribs, parent);
  if (lookalike) problems.push(lookalike);
  if (name === 'span' && klass === 'cite-unknown') problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: 'A citation on the published page names a source the frontmatter does not list', hint: 'add the source to the frontmatter, or correct the id' });
  frame.analysis = parent.analysis || isAnalysis;
  // Code keeps citation syntax as written; a code block says nothing that needs a source,
  // but inline code is part of its sentence (as it is for the checker).
  if (name === 'pre' || name === 'code') frame.literal = true;
  if (name === 'pre') frame.owner = undefined;
  if (name === 'del') frame.struck = true;
  if (name === 'sub') frame.subs++;
  frame.locator = parent.marker && name === 'span' && klass === LOCATOR_CLASS;
  if (name === 'sup' && klass === 'cite') frame.marker = true;
  if (name === 'thead' || HEADINGS.has(name)) frame.exempt = true;
  // Text in Analysis, headings and table headers needs no citation, and belongs to no block around them.
  if (isAnalysis || (frame.exempt && !parent.exempt)) frame.owner = undefined;
  // A block inside a block (`<li>a[1]<hr>b</li>`) ends the text before it: each run is judged
  // on its own, as the checker judges each paragraph of a list item.
  // So does an empty line made of two <br>: readers see two paragraphs.
  if ((SEGMENTING.has(name) || (name === 'br' && parent.owner?.brOpen)) && parent.owner && parent.owner !== frame.figure) {
    judge(parent.owner, problems);
    Object.assign(parent.owner, newBlock(parent.owner.kind), { figure: parent.owner.figure });
  }
  const kind = BLOCKS[name];
  if (kind && !frame.analysis && !frame.exempt && !frame.literal) {
    frame.block = newBlock(kind);
    frame.owner = frame.block;
    if (kind === 'figure caption' && frame.figure) frame.block.figure = frame.figure;
    if (kind === 'figure') frame.figure = frame.block;
  }
  // An image belongs to its <figure> when it has one: the figure's caption cites for it.
  if (frame.owner) frame.owner.brOpen = name === 'br';
  const imageOwner = frame.figure ?? frame.owner;
  if (name === 'img' && imageOwner && !frame.analysis && !frame.exempt) {
    imageOwner.content = true;
    imageOwner.image = true;
    // Something to find the image by in the explainer, for the message's line.
    imageOwner.text ||= attribs.alt || attribs.src || '';
  }
  if (isMarkerLink) {
    const id = /^#source-(.+)$/.exec(attribs.href ?? '')?.[1];
    marker = { id: id ?? '', number: '', owner: frame.owner };
    if (!id || attribs['data-source'] !== id) problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: `A citation marker links to "${attribs.href ?? ''}", not to a source`, hint: 'cite sources only as [@id]' });
    if (frame.struck) problems.push({ ruleId: PAGE_CHECKS.brokenCitation.id, message: 'A citation on the published page is crossed out', hint: 'a struck-through citation supports nothing: move it out of the ~~ ~~', text: frame.owner?.text });
    else if (!frame.analysis) {
      if (frame.owner) frame.owner.markers++;
      if (frame.figure && frame.figure !== frame.owner) frame.figure.lent++;
    }
  }
  return { frame, ...(marker ? { marker } : {}) };
}
