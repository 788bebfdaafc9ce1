/**
 * `npm run new -- --source <url> [--to <explainer>] [--archive]`: add sources
 * to an explainer, filled in from their pages (autofill.ts), editing the
 * frontmatter text in place. Nothing is written unless every source can be added.
 */
import { readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findArticles } from '../../checks/files.ts';
import { addSource, AddSourceError, type AddedSource, type FilledFields } from './add-source.ts';
import { autofill, type Autofilled, type AutofillOptions, type Note } from './autofill.ts';
import { inSeconds } from './fetch-page.ts';
import { shown, UsageError } from './usage-error.ts';

/** What to add, where, and how to fill it in. */
export interface SourceCommand {
  dir: string;
  urls: string[];
  to?: string;
  /** Read each page to fill in its source; undefined leaves stubs (`--no-fetch`). */
  fill?: AutofillOptions;
  /** Where progress goes (stderr in the CLI). */
  progress: (line: string) => void;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The explainer named by `--to`, else the one edited last. */
async function targetFile(dir: string, to: string | undefined): Promise<{ file: string; guessed: boolean }> {
  if (to) {
    const file = to.endsWith('.mdx') || to.includes('/') || to.includes('\\') ? resolve(to) : join(dir, `${to}.mdx`);
    if (!file.endsWith('.mdx')) throw new UsageError(`--to ${to} is not an explainer (.mdx file)`, 'pass the explainer file, e.g. --to content/explainers/my-explainer.mdx', 2);
    if (!(await stat(file).catch(() => undefined))?.isFile()) throw new UsageError(`${shown(file)} does not exist`, 'check the name, or create it first: npm run new -- "Title"');
    return { file, guessed: false };
  }
  if (!(await isDirectory(dir))) throw new UsageError(`the explainers folder ${shown(dir)} does not exist`, 'run the command from the project folder, or pass --to <file>');
  const files = await findArticles([dir]);
  if (files.length === 0) throw new UsageError(`there is no explainer in ${shown(dir)} yet`, 'create one first: npm run new -- "Title"');
  const times = await Promise.all(files.map(async (file) => ({ file, time: (await stat(file)).mtimeMs })));
  times.sort((a, b) => b.time - a.time || a.file.localeCompare(b.file));
  return { file: times[0]!.file, guessed: true };
}

/** The file's text; refuses bytes that are not UTF-8 rather than write back replacement characters. */
async function readText(file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await readFile(file));
  } catch {
    throw new UsageError(`${shown(file)} is not valid UTF-8 text; nothing was changed`, 'save it as UTF-8 in your editor, then add the source again');
  }
}

/** Add every URL to `text`, or throw a UsageError naming the one that cannot be added. */
function addAll(text: string, file: string, urls: string[], fields: FilledFields[]): { text: string; added: AddedSource[] } {
  const added: AddedSource[] = [];
  urls.forEach((url, i) => {
    try {
      const result = addSource(text, url, fields[i]);
      text = result.text;
      added.push(result);
    } catch (error) {
      if (error instanceof AddSourceError) throw new UsageError(`${shown(file)}: ${error.message}; nothing was changed`, error.hint);
      throw error;
    }
  });
  return { text, added };
}

const printNote = (note: Note) => `  ${note.text}${note.detail ? `\n    (for developers: ${note.detail})` : ''}`;

/** Run the command; prints what was added and what is left to do. */
export async function addSources({ dir, urls, to, fill, progress }: SourceCommand): Promise<void> {
  const target = await targetFile(dir, to);
  // Edit the real file, not a symlink to it (rename would replace the link).
  const file = await realpath(target.file);
  // Refuse a duplicate or an uneditable file before spending time on the network.
  addAll(await readText(file), file, urls, []);
  let filled: Autofilled[] = urls.map(() => ({ fields: {}, notes: [] }));
  if (fill) {
    for (const url of urls) {
      const steps = [...(fill.skipPage ? [] : [`reading it, up to ${inSeconds(fill.limits.timeoutMs)}`]), ...(fill.archive ? [`asking the archive for a copy, up to ${inSeconds(fill.archive.limits.timeoutMs)}`] : [])];
      progress(`${url}: ${steps.join(', then ')}…`);
    }
    filled = await Promise.all(urls.map((url) => autofill(url, fill)));
  }
  // Read the file again: the writer may have saved it while the pages loaded.
  const { text, added } = addAll(await readText(file), file, urls, filled.map((f) => f.fields));
  // Write a sibling temp file and rename it, so an interrupted run never leaves half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { flag: 'wx', mode: (await stat(file)).mode });
  await rename(temp, file);

  const where = target.guessed ? ' (the explainer you edited last; use --to to choose another)' : '';
  let complete = true;
  added.forEach((a, i) => {
    const { fields, notes } = filled[i]!;
    const lines = (['title', 'publisher', 'author', 'published', 'accessed', 'archived'] as const).filter((k) => fields[k]).map((k) => `  ${k.padEnd(10)}${fields[k]}`);
    if (!fields.title || !fields.publisher) complete = false;
    console.log([`Added source \`${a.id}\` to ${shown(file)}:${a.line}${where}`, ...lines, ...notes.map(printNote)].join('\n'));
  });
  const ids = added.map((a) => `[@${a.id}]`).join(', ');
  const todo = fill && !fill.skipPage ? (complete ? 'check the filled-in lines against the page' : 'check the filled-in lines against the page and fill in what is empty') : 'fill in the title and publisher of each new source';
  console.log(`\nNext: ${todo}, then cite it in the text as ${ids}.\nUntil you do, \`npm run check -- ${shown(file)}\` reports it and the build refuses it.`);
}
