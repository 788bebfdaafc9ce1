/**
 * `npm run check [-- paths…] [--format text|json|github]`: the citation
 * checks without building. Exits 1 when any error is found.
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { formatGithub, formatJson, formatText, totals } from '../checks/format.ts';
import { checkFiles, findArticles } from '../checks/files.ts';

const FORMATS = { text: formatText, json: formatJson, github: formatGithub } as const;

// The checker is loaded after this line (files.ts imports it lazily), so Node's compile
// cache speeds up every later run; a no-op where the cache cannot be written.
enableCompileCache();

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`check: ${(error as Error).message}\nUsage: npm run check -- [files or folders…] [--format text|json|github]`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log('Usage: npm run check -- [files or folders…] [--format text|json|github]\nChecks that every claim in the explainers cites a source. Default: content/explainers');
    return;
  }
  const format = FORMATS[values.format as keyof typeof FORMATS];
  if (!format) {
    console.error(`check: unknown format "${values.format}"; use text, json or github`);
    process.exitCode = 2;
    return;
  }
  const files = await findArticles(positionals.length ? positionals : [process.env.EXPLAINERS_DIR ?? 'content/explainers']);
  if (files.length === 0) {
    console.error(`check: no .mdx files found in ${positionals.join(', ') || 'content/explainers'}`);
    process.exitCode = 2;
    return;
  }
  const results = await checkFiles(files);
  console.log(format(results));
  if (totals(results).errors > 0) process.exitCode = 1;
}

await main();
