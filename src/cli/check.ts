/**
 * `npm run check [-- paths…] [--format text|json|github|sarif] [--no-cache]`: the
 * citation checks without building. Exits 1 when any error is found. Files
 * unchanged since the last run keep their results (../checks/cache.ts).
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { formatText, totals } from '../checks/format.ts';
import { formatGithub, formatJson, formatSarif } from '../checks/format-tools.ts';
import { checkFiles, explainerFileProblems, findArticles } from '../checks/files.ts';
import { checkWithCache } from '../checks/cache.ts';
import { setting, SETTINGS, settingsHelp } from '../config/env.ts';

const FORMATS = { text: formatText, json: formatJson, github: formatGithub, sarif: formatSarif } as const;

// The checker is loaded after this line (files.ts imports it lazily), so Node's compile
// cache speeds up every later run; a no-op where the cache cannot be written.
enableCompileCache();

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, allowNegative: true, options: { format: { type: 'string', default: 'text' }, cache: { type: 'boolean', default: true }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`check: ${(error as Error).message}\nUsage: npm run check -- [files or folders…] [--format text|json|github|sarif] [--no-cache]`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`Usage: npm run check -- [files or folders…] [--format text|json|github|sarif] [--no-cache]\nChecks that every claim in the explainers cites a source. Default: ${SETTINGS.contentDir.default}\nFiles unchanged since the last run keep their results; --no-cache checks every file again.\n\nSettings (environment):\n${settingsHelp(['contentDir'])}`);
    return;
  }
  const format = FORMATS[values.format as keyof typeof FORMATS];
  if (!format) {
    console.error(`check: unknown format "${values.format}"; use text, json, github or sarif`);
    process.exitCode = 2;
    return;
  }
  const paths = positionals.length ? positionals : [setting('contentDir')];
  const files = await findArticles(paths);
  // Files the folder holds but the checks cannot read as explainers (links, names that are not addresses).
  const fileProblems = (await Promise.all(paths.filter((p) => !p.endsWith('.mdx')).map((dir) => explainerFileProblems(dir)))).flat();
  if (files.length === 0 && fileProblems.length === 0) {
    console.error(`check: no .mdx files found in ${paths.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  let results;
  if (values.cache) {
    const cached = await checkWithCache(files, (missing) => checkFiles(missing));
    results = cached.results;
    const { reused, saved } = cached.stats;
    // On stderr, so JSON and annotation output stay machine-readable.
    if (reused > 0) console.error(`check: ${reused} of ${files.length} files unchanged since the last run; their results were reused (--no-cache checks them again)`);
    if (!saved) console.error('check: could not write the result cache in node_modules/.cache; the next run checks every file again');
  } else {
    results = await checkFiles(files);
  }
  results = [...fileProblems, ...results];
  console.log(format(results));
  if (totals(results).errors > 0) process.exitCode = 1;
}

await main();
