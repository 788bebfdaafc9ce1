/**
 * Why a file's frontmatter was not found, in a writer's words. The block must
 * open on the very first line with exactly `---` and close with a line of
 * exactly `---`; word processors and tired fingers give `—` (an em dash),
 * `--`, `----`, a blank line or a space before it, or no closing line at all.
 * "File has no frontmatter" would send the writer looking for something they
 * wrote: this names the line to change and what to type there.
 */
import type { Place } from './place.ts';

/** What a writer reads about a frontmatter block that is there but cannot be found. */
export interface FenceProblem {
  message: string;
  hint: string;
  place: Place;
}

/**
 * A line meant as a `---` fence: two or more hyphens, underscores or equals signs, or any word-processor
 * dash, maybe spaced (a lone `-` is an empty list item, not a fence).
 */
const NEAR_FENCE = /^\s*(?=.*(?:[-_=].*[-_=]|[‐‑‒–—―]))(?:[-‐‑‒–—―_=]\s*){1,8}$/;
/** A line of YAML: `title: …`, `- item`, `  url: …`. */
const YAML_LINE = /^\s*(?:-\s+)?["']?[\w-]+["']?:(?:\s|$)|^\s*-\s/;

/** The file's lines (any line break) with their 1-based numbers. */
const linesOf = (text: string) => text.split(/\r?\n|\r/);

/** Diagnose a file whose frontmatter was not found; undefined when it simply has none. */
export function diagnoseFences(text: string): FenceProblem | undefined {
  const lines = linesOf(text);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return undefined;
  const opening = lines[first]!;
  // The opening: a blank line or spaces before it, or another kind of dash.
  if (opening.trim() === '---' && first > 0) {
    return { message: `The frontmatter must start on the first line, but ${first === 1 ? 'a blank line comes' : `${first} blank lines come`} before its ---`, hint: 'delete the blank lines above ---, so the file starts with ---', place: { line: 1, column: 1 } };
  }
  if (opening.trim() === '---' && opening !== '---') {
    return { message: 'The first line must be exactly --- to start the frontmatter, with nothing before it', hint: 'delete the spaces before ---', place: { line: 1, column: 1 } };
  }
  if (opening.trim() !== '---') {
    if (!NEAR_FENCE.test(opening) || !YAML_LINE.test(lines[first + 1] ?? '')) return undefined;
    return { message: `The first line \`${opening.trim()}\` must be exactly --- (three hyphens) to start the frontmatter`, hint: `replace \`${opening.trim()}\` with ---`, place: { line: first + 1, column: 1 } };
  }
  // The closing: a near-miss of `---` where the block ends, else the first line that is not YAML.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') return { message: `Line ${i + 1} has spaces before its ---, so it does not end the frontmatter`, hint: 'delete the spaces before ---', place: { line: i + 1, column: 1 } };
    if (NEAR_FENCE.test(line)) {
      return { message: `Line ${i + 1} \`${line.trim()}\` must be exactly --- (three hyphens, nothing before them) to end the frontmatter`, hint: `replace it with ---`, place: { line: i + 1, column: 1 } };
    }
    if (line.trim() === '' || YAML_LINE.test(line) || /^\s/.test(line) || line.trimStart().startsWith('#')) continue;
    let last = i - 1;
    while (last > 0 && lines[last]!.trim() === '') last--;
    return { message: 'The frontmatter is never closed: the --- line after its last field is missing', hint: `add a line --- after line ${last + 1}, its last field`, place: { line: last + 2, column: 1 } };
  }
  return { message: 'The frontmatter is never closed, and the file has no text after it', hint: 'add a line --- after the last field, then write the explainer under it', place: { line: lines.length, column: 1 } };
}
