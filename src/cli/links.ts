/**
 * `node src/cli/links.ts [dist]`: the build's internal link check, run on an
 * already built site (e.g. one built with SKIP_LINK_CHECK=1).
 * Exit code 1 when a link is broken, 2 when the folder cannot be checked.
 */
import { stat } from 'node:fs/promises';
import { formatBrokenLinks } from '../links/broken.ts';
import { checkInternalLinks } from '../links/internal.ts';
import { setting } from '../config/env.ts';

const dir = process.argv[2] ?? 'dist';
const site = setting('siteUrl');

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: node src/cli/links.ts [built-site-folder]   (default: dist; SITE_URL sets the site address)\n');
} else if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
  process.stderr.write(`links: ${dir} is not a folder; build the site first (npm run build) or pass the output folder.\n`);
  process.exitCode = 2;
} else {
  const started = performance.now();
  try {
    const result = await checkInternalLinks({ dir, site });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.broken.length > 0) {
      process.stdout.write(`${formatBrokenLinks(result.broken).join('\n')}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`No broken internal links: ${result.checked} URLs from ${result.pages} pages checked in ${seconds}s.\n`);
    }
  } catch (error) {
    process.stderr.write(`links: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
