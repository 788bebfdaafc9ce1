/**
 * The second gate on real builds: the pages Astro wrote are verified as
 * readers get them, and a failed build leaves the last good site in place.
 */
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixture, isolatedRoot, ROOT, run } from '../helpers/site.ts';

const checkCli = (args: string[]) => run(join(ROOT, 'node_modules/.bin/node'), ['src/cli/check.ts', '--no-cache', ...args]);
const QUICK = { SKIP_SEARCH_INDEX: '1', SKIP_LINK_CHECK: '1' };

describe('published-page gate', () => {
  it('fails the build on an uncited page even when the Markdown check is off, naming file and line', async () => {
    // With the first gate switched off, nothing but the published pages can catch it.
    const build = await buildSite(fixture('site-uncited'), { SKIP_CITATION_CHECK: '1', ...QUICK });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('one-gap.mdx:15:1 error Paragraph on the published page has no citation: "A claim that cites nothing at all."  page-uncited-claim');
    expect(build.output.trimEnd()).toMatch(/Next: fix each explainer at the line shown, then build again .* left as it was\.$/);
    // Our own report, not a stack trace into our code.
    expect(build.output).not.toMatch(/at .*src\/(published|integrations)\//);
  }, 120_000);

  it('catches what the two Markdown parsers read differently: the check passes, the published page does not', async () => {
    // A table right after a quoted table: remark reads its lines as one cited paragraph of the quote,
    // Sätteri as table rows, one of them uncited (found by tests/checks/readers-agree.test.ts).
    const [build, cli] = await Promise.all([buildSite(fixture('site-disagree'), QUICK), checkCli([fixture('site-disagree')])]);
    expect(cli.code, cli.output).toBe(0);
    expect(build.ok).toBe(false);
    expect(build.output).toContain('quoted-table.mdx:20:1 error Table row on the published page has no citation: "A row the renderer shows uncited"  page-uncited-claim');
  }, 120_000);

  it('keeps the last good site when a later build fails', async () => {
    const root = await isolatedRoot();
    const content = await mkdtemp(join(tmpdir(), 'keep-site-'));
    await cp(fixture('site-basic'), content, { recursive: true });
    const good = await buildSite(content, QUICK, root);
    expect(good.ok, good.output).toBe(true);
    const before = await readFile(join(good.outDir, 'explainers/markers/index.html'), 'utf8');
    expect(before).toMatch(/data-analysis="[\w-]{16}"/);

    await writeFile(join(content, 'late.mdx'), (await readFile(fixture('site-uncited', 'one-gap.mdx'), 'utf8')).replace('One gap', 'Late'));
    const failed = await buildSite(content, { SKIP_CITATION_CHECK: '1', ...QUICK }, root);
    expect(failed.ok).toBe(false);
    // The output folder still holds the previous site, page for page.
    expect(await readFile(join(good.outDir, 'explainers/markers/index.html'), 'utf8')).toBe(before);
    expect(existsSync(join(good.outDir, 'explainers/late'))).toBe(false);
  }, 180_000);

  it('refuses a linked folder and names that are not addresses, in the build and in npm run check', async () => {
    const content = await mkdtemp(join(tmpdir(), 'files-'));
    await cp(fixture('site-basic', 'gfm.mdx'), join(content, 'gfm.mdx'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'));
    await cp(fixture('site-uncited', 'one-gap.mdx'), join(elsewhere, 'one-gap.mdx'));
    await symlink(elsewhere, join(content, 'linked'));
    await cp(fixture('site-basic', 'markers.mdx'), join(content, 'Markers.mdx'));
    await mkdir(join(content, 'drafts'));
    await writeFile(join(content, 'drafts', 'notes.md'), '# Notes\n');
    const expected = [
      'Markers.mdx:1:1 error The name Markers.mdx cannot be a web address',
      'drafts/notes.md:1:1 error drafts/notes.md is not published: explainer files end in .mdx',
      'linked:1:1 error linked is a link to another place, which the checks do not follow',
    ];
    const [build, cli] = await Promise.all([buildSite(content, QUICK), checkCli([content])]);
    for (const output of [build.output, cli.output]) for (const line of expected) expect(output).toContain(line);
    expect(build.ok).toBe(false);
    expect(cli.code).toBe(1);
    expect(build.output).not.toContain('generating static routes');
  }, 120_000);

  it('refuses a published page the checks never read, even with the Markdown check off', async () => {
    // Astro follows a linked folder; the checks do not. The page gate compares the pages with the checks' own file list.
    const content = await mkdtemp(join(tmpdir(), 'unread-'));
    await cp(fixture('site-basic', 'gfm.mdx'), join(content, 'gfm.mdx'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'));
    await cp(fixture('site-basic', 'markers.mdx'), join(elsewhere, 'markers.mdx'));
    await symlink(elsewhere, join(content, 'linked'));
    const build = await buildSite(content, { SKIP_CITATION_CHECK: '1', ...QUICK });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('linked/markers.mdx:1:1 error The page /explainers/linked/markers/ was published, but the checks never read an explainer for it  page-without-file');
  }, 120_000);
});
