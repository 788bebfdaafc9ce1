/**
 * `npm run new -- "Title of the explainer"`: start an explainer from a template.
 * `npm run new -- --source <url> [--to <explainer>] [--archive]`: add a source
 * to one, filled in from the page. Never overwrites a file; prints what to do next.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setting } from '../config/env.ts';
import { slugProblem } from '../schema/slug.ts';
import { DEFAULT_ARCHIVE_TIMEOUT_MS, DEFAULT_SAVE_ENDPOINT } from './lib/archive-snapshot.ts';
import { DEFAULT_LIMITS } from './lib/fetch-page.ts';
import { looseArguments } from './lib/loose-args.ts';
import { cleanTitle, explainerTemplate, localDate, nextSteps, suggestSlug } from './lib/scaffold.ts';
import { addSources } from './lib/source-command.ts';
import { statedDate } from './lib/source-fields.ts';
import { shown, UsageError } from './lib/usage-error.ts';

const USAGE = `Usage:
  npm run new -- "Title of the explainer" [--slug file-name] [--author "Name"]…
  npm run new -- --source <url> [--source <url>]… [--to <explainer>] [--archive]

Options:
  --slug <name>     the file name (and web address) to use instead of one made from the title
  --author <name>   byline; repeat for several (default: "Explainers desk")
  --source <url>    add a source for this page to an explainer, filled in from the page
  --to <explainer>  which explainer: its file, or its name as in content/explainers/<name>.mdx
                    (default: the explainer you edited last)
  --archive         also save a copy of the page in the Wayback Machine and fill in \`archived\`
  --no-fetch        do not read the page: add an empty source to fill in by hand
  --timeout <s>     seconds to wait for a page (default: 10; the archive gets six times as long)
  --archive-endpoint <url>  the Save Page Now address (default: ${DEFAULT_SAVE_ENDPOINT})
  --dir <folder>    the explainers folder (default: $EXPLAINERS_DIR or content/explainers)
  --now <date>      pretend today is this date, YYYY-MM-DD (for tests)`;

const SITE = setting('siteUrl');
const USER_AGENT = `SourcedExplainers/1.0 (+${SITE}; reads a page's title and publisher to cite it)`;

async function create(dir: string, positional: string, slugOption: string | undefined, authors: string[], today: string): Promise<void> {
  const title = cleanTitle(positional);
  if (!title) throw new UsageError('the title is empty (or has control characters)', 'npm run new -- "What the ceasefire plan says"', 2);
  const suggested = suggestSlug(title);
  const slug = slugOption ?? suggested.slug;
  const problem = slugProblem(slug);
  if (problem) {
    const hint = slugOption ? 'choose another --slug, e.g. --slug ukraine-talks-explained' : `choose the file name yourself: npm run new -- ${JSON.stringify(title)} --slug ukraine-talks-explained`;
    throw new UsageError(`cannot name the file after ${slugOption ? '--slug' : 'this title'}: ${problem}`, hint, 2);
  }
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`the explainers folder ${shown(dir)} does not exist`, 'run the command from the project folder, or pass --dir <folder>');
  // Refuse names that differ only by case too: they collide on macOS and Windows checkouts.
  const clash = (await readdir(dir)).find((name) => name.toLowerCase() === `${slug}.mdx`);
  const file = join(dir, `${slug}.mdx`);
  if (clash) throw new UsageError(`${shown(join(dir, clash))} already exists; nothing was changed`, `open it to keep working, or pick another name with --slug ${slug}-2`);
  const cleanAuthors = authors.map((a) => cleanTitle(a)).filter((a): a is string => !!a);
  try {
    // 'wx' fails if the file appeared meanwhile: an existing file is never overwritten.
    await writeFile(file, explainerTemplate({ title, date: today, authors: cleanAuthors.length ? cleanAuthors : ['Explainers desk'] }), { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown(file)} already exists; nothing was changed`, `pick another name with --slug ${slug}-2`);
    throw cause;
  }
  const short = !slugOption && suggested.shortened
    ? `\nThe title is long, so the file name is made from its first words: ${slug}.mdx (web address /explainers/${slug}/).
To choose another name, rename the file before you publish, or start again with --slug:
  npm run new -- ${JSON.stringify(title)} --slug ${slug.split('-').slice(0, 3).join('-')}\n`
    : '';
  console.log(`Created ${shown(file)}\n${short}\n${nextSteps(shown(file), slug)}`);
}

/** `--now` as today's date (YYYY-MM-DD as given; a date-time in the writer's time zone). */
function today(now: string | undefined): string {
  if (now === undefined) return localDate();
  if (/^\d{4}-\d{2}-\d{2}$/.test(now) && statedDate(now) === now) return now;
  const date = new Date(now);
  if (/^\d{4}-\d{2}-\d{2}$/.test(now) || Number.isNaN(date.getTime())) throw new UsageError(`--now must be a date such as 2026-01-15, got "${now}"`, undefined, 2);
  return localDate(date);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    allowNegative: true,
    options: {
      source: { type: 'string', multiple: true },
      to: { type: 'string' },
      slug: { type: 'string' },
      author: { type: 'string', multiple: true },
      dir: { type: 'string' },
      archive: { type: 'boolean', default: false },
      'archive-endpoint': { type: 'string', default: DEFAULT_SAVE_ENDPOINT },
      fetch: { type: 'boolean', default: true },
      timeout: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const adding = !!values.source?.length;
  const loose = looseArguments(positionals, process.env, adding);
  if (loose) throw new UsageError(loose.message, loose.hint, 2);
  const dir = resolve(values.dir ?? setting('contentDir'));
  const day = today(values.now);
  if (adding) {
    if (positionals.length || values.slug || values.author) throw new UsageError('give either a title (to create an explainer) or --source (to add a source), not both', USAGE, 2);
    const seconds = values.timeout === undefined ? DEFAULT_LIMITS.timeoutMs / 1000 : Number(values.timeout);
    if (!(seconds > 0 && seconds <= 300)) throw new UsageError(`--timeout must be a number of seconds between 0 and 300, got "${values.timeout}"`, 'e.g. --timeout 20', 2);
    const limits = { ...DEFAULT_LIMITS, timeoutMs: seconds * 1000, userAgent: USER_AGENT };
    const archiveMs = values.timeout === undefined ? DEFAULT_ARCHIVE_TIMEOUT_MS : limits.timeoutMs * 6;
    const archive = values.archive ? { endpoint: values['archive-endpoint'], limits: { ...limits, timeoutMs: archiveMs } } : undefined;
    // --no-fetch with --archive still asks the archive; the page itself is not read.
    const fill = values.fetch || archive ? { limits, today: day, ...(archive ? { archive } : {}), skipPage: !values.fetch } : undefined;
    return addSources({ dir, urls: values.source!, to: values.to, fill, progress: (line) => console.error(line) });
  }
  if (values.to) throw new UsageError('--to goes with --source', USAGE, 2);
  if (positionals.length === 0) throw new UsageError('give the title of the new explainer', USAGE, 2);
  return create(dir, positionals[0]!, values.slug, values.author ?? [], day);
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
