/**
 * `npm run new -- "Title of the explainer"`: start an explainer from a template.
 * `npm run new -- --source <url> [--to <explainer>]`: add a source stub to one.
 * Never overwrites a file; prints what to do next.
 */
import { readdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findArticles } from '../checks/run.ts';
import { addSource, AddSourceError, type AddedSource } from './lib/add-source.ts';
import { slugProblem } from '../schema/slug.ts';
import { cleanTitle, explainerTemplate, localDate, nextSteps, slugify } from './lib/scaffold.ts';

const USAGE = `Usage:
  npm run new -- "Title of the explainer" [--slug file-name] [--author "Name"]…
  npm run new -- --source <url> [--source <url>]… [--to <explainer>]

Options:
  --slug <name>     the file name (and web address) to use instead of one made from the title
  --author <name>   byline; repeat for several (default: "Explainers desk")
  --source <url>    add a source stub for this page to an explainer's frontmatter
  --to <explainer>  which explainer: its file, or its name as in content/explainers/<name>.mdx
                    (default: the explainer you edited last)
  --dir <folder>    the explainers folder (default: $EXPLAINERS_DIR or content/explainers)`;

/** A problem the writer can fix; printed without a stack trace. */
class UsageError extends Error {
  hint?: string;
  code: number;
  constructor(message: string, hint?: string, code = 1) {
    super(message);
    this.hint = hint;
    this.code = code;
  }
}

const shown = (path: string) => relative(process.cwd(), path) || path;

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function create(dir: string, words: string[], slugOption: string | undefined, authors: string[]): Promise<void> {
  const title = cleanTitle(words.join(' '));
  if (!title) throw new UsageError('the title is empty (or has control characters)', 'npm run new -- "What the ceasefire plan says"', 2);
  const slug = slugOption ?? slugify(title);
  const problem = slugProblem(slug);
  if (problem) {
    const hint = slugOption ? 'choose another --slug, e.g. --slug ukraine-talks-explained' : `choose the file name yourself: npm run new -- ${JSON.stringify(title)} --slug ukraine-talks-explained`;
    throw new UsageError(`cannot name the file after ${slugOption ? '--slug' : 'this title'}: ${problem}`, hint, 2);
  }
  if (!(await isDirectory(dir))) throw new UsageError(`the explainers folder ${shown(dir)} does not exist`, 'run the command from the project folder, or pass --dir <folder>');
  // Refuse names that differ only by case too: they collide on macOS and Windows checkouts.
  const clash = (await readdir(dir)).find((name) => name.toLowerCase() === `${slug}.mdx`);
  const file = join(dir, `${slug}.mdx`);
  if (clash) throw new UsageError(`${shown(join(dir, clash))} already exists; nothing was changed`, `open it to keep working, or pick another name with --slug ${slug}-2`);
  const cleanAuthors = authors.map((a) => cleanTitle(a)).filter((a): a is string => !!a);
  try {
    // 'wx' fails if the file appeared meanwhile: an existing file is never overwritten.
    await writeFile(file, explainerTemplate({ title, date: localDate(), authors: cleanAuthors.length ? cleanAuthors : ['Explainers desk'] }), { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown(file)} already exists; nothing was changed`, `pick another name with --slug ${slug}-2`);
    throw cause;
  }
  console.log(`Created ${shown(file)}\n\n${nextSteps(shown(file), slug)}`);
}

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

async function addSources(dir: string, urls: string[], to: string | undefined): Promise<void> {
  const target = await targetFile(dir, to);
  const guessed = target.guessed;
  // Edit the real file, not a symlink to it (rename would replace the link).
  const file = await realpath(target.file);
  let text: string;
  try {
    // Refuse bytes that are not UTF-8 rather than write back replacement characters.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await readFile(file));
  } catch {
    throw new UsageError(`${shown(file)} is not valid UTF-8 text; nothing was changed`, 'save it as UTF-8 in your editor, then add the source again');
  }
  const added: AddedSource[] = [];
  for (const url of urls) {
    try {
      const result = addSource(text, url);
      text = result.text;
      added.push(result);
    } catch (error) {
      if (error instanceof AddSourceError) throw new UsageError(`${shown(file)}: ${error.message}; nothing was changed`, error.hint);
      throw error;
    }
  }
  // Write a sibling temp file and rename it, so an interrupted run never leaves half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { flag: 'wx', mode: (await stat(file)).mode });
  await rename(temp, file);
  const where = guessed ? ` (the explainer you edited last; use --to to choose another)` : '';
  for (const a of added) console.log(`Added source \`${a.id}\` to ${shown(file)}:${a.line}${where}`);
  const ids = added.map((a) => `[@${a.id}]`).join(', ');
  console.log(`\nNext: fill in the title of each new source and its publisher (for now just the web address: ${added.map((a) => `"${a.publisher}"`).join(', ')}),
then cite it in the text as ${ids}. Until you do, \`npm run check -- ${shown(file)}\` reports it and the build refuses it.`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string', multiple: true },
      to: { type: 'string' },
      slug: { type: 'string' },
      author: { type: 'string', multiple: true },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const dir = resolve(values.dir ?? process.env.EXPLAINERS_DIR ?? 'content/explainers');
  if (values.source?.length) {
    if (positionals.length || values.slug || values.author) throw new UsageError('give either a title (to create an explainer) or --source (to add a source), not both', USAGE, 2);
    return addSources(dir, values.source, values.to);
  }
  if (values.to) throw new UsageError('--to goes with --source', USAGE, 2);
  if (positionals.length === 0) throw new UsageError('give the title of the new explainer', USAGE, 2);
  return create(dir, positionals, values.slug, values.author ?? []);
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`new: ${error.message}${error.hint ? `\n${error.hint.startsWith('Usage') ? '' : '  → '}${error.hint}` : ''}`);
    process.exitCode = error.code;
  } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`new: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`new: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
