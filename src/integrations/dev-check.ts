/**
 * The citation checks in `astro dev`: each explainer is checked when Vite
 * loads it, and its errors stop the page with Astro's overlay, titled for a
 * writer ("Citation problem in e3-talks.mdx, line 49"), listing every error
 * with its fix and showing the lines around the first. Fixing the file clears it.
 * The overlay's "Stack Trace" panel is left out for errors that carry no stack (ours).
 */
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { parseArticle } from '../checks/article.ts';
import { severityOf } from '../checks/report.ts';
import { checkArticle } from '../checks/run.ts';

/** What the overlay shows: Astro's error overlay reads these fields. */
export interface OverlayError extends Error {
  title: string;
  hint?: string;
  id: string;
  loc: { file: string; line: number; column: number };
  fullCode: string;
}

/** The overlay error for a file's errors, or undefined when it has none. */
export function overlayError(path: string, display: string, text: string | Uint8Array): OverlayError | undefined {
  const article = parseArticle(display, text);
  const { file } = checkArticle(article);
  const errors = file.messages.filter((m) => severityOf(m) === 'error');
  if (errors.length === 0) return undefined;
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  // One line per error, its fix under it, as `npm run check` prints them (the terminal shows this too).
  const list = errors.map((m) => `${display}:${m.line}:${m.column} ${m.reason}${m.note ? `\n    fix: ${m.note.replace(/\n/g, '\n    ')}` : ''}`).join('\n');
  const error = new Error(list) as OverlayError;
  // The overlay shows the name above the title, and the browser tab shows the name.
  error.name = `Citation problem in ${basename(path)}, line ${first.line ?? 1}${more}`;
  error.title = `Fix ${errors.length === 1 ? 'it' : 'them'} in the file and save: this page comes back by itself.`;
  // No `hint`: each error's fix is already in the list, and Astro's terminal would print the first one a third time.
  error.id = path;
  error.loc = { file: path, line: first.line ?? 1, column: first.column ?? 1 };
  error.fullCode = article.source.text;
  // The list above is the whole story: no stack trace into our code.
  error.stack = '';
  return error;
}

/** The Vite plugin (dev only). */
export function devCheck(dir: string): Plugin {
  return {
    name: 'citation-gate:dev',
    enforce: 'pre',
    transform(_code, id) {
      // The article module itself; Vite also loads it as `…mdx?astroPropagatedAssets`, and a second
      // failure there would print every error twice in the terminal.
      if (id.includes('?') || !id.endsWith('.mdx') || !id.startsWith(dir + sep)) return null;
      const path = id;
      // Read the file as written: by now other plugins may have rewritten `code`.
      const error = overlayError(path, relative(process.cwd(), path), readFileSync(path));
      if (error) throw error;
      return null;
    },
  };
}

/** The line of Astro's overlay (astro/dist/core/errors/overlay.js) that fills the stack panel. */
const FILL_STACK = 'this.text("#stack-content", err.stack);';
/** Instead: an error with no stack (ours, see overlayError) gets no empty "Stack Trace" panel. */
const FILL_OR_DROP_STACK = 'if (err.stack && err.stack.trim()) this.text("#stack-content", err.stack); else this.root.querySelector("#stack")?.remove();';

/**
 * The Vite plugin (dev only) that drops the overlay's stack panel for errors without a stack.
 * Astro builds its overlay into Vite's client script; this runs after that, and leaves the
 * script as it is when the line is not there (a newer Astro): tests/checks/entry-points.test.ts notices.
 */
export function overlayWithoutEmptyStack(): Plugin {
  return {
    name: 'citation-gate:overlay',
    enforce: 'post',
    transform(code, id) {
      if (!/vite\/dist\/client\/client\.mjs/.test(id) || !code.includes(FILL_STACK)) return null;
      return { code: code.replace(FILL_STACK, FILL_OR_DROP_STACK), map: null };
    },
  };
}
