/**
 * The internal link check as part of the real build: planted broken links and
 * a citation marker without its anchor fail the build, naming page and link;
 * the sample content passes.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixture, ROOT } from '../helpers/site.ts';

describe('internal link check in the build', () => {
  it('fails on broken internal links, naming the page, the source file, each link and why', async () => {
    const build = await buildSite(fixture('links-broken'));
    expect(build.ok, build.output).toBe(false);
    // The build runs in a throwaway root, so the source path may be shown absolute.
    expect(build.output).toMatch(/\/explainers\/broken-links\/ \(from (\/.*\/)?tests\/fixtures\/links-broken\/broken-links\.mdx\)/);
    expect(build.output).toMatch(/✗ \/explainers\/missing\/ "the missing explainer": page or file not found \(404\)/);
    // The site's own absolute address is checked against the local build, not the internet.
    expect(build.output).toMatch(/✗ \/explainers\/gone-too\/ "the same by the site address": page or file not found \(404\)/);
    expect(build.output).toContain('2 broken internal links on 1 page.');
    expect(build.output).toContain('Found 2 broken internal links');
    // Working links and external URLs are not reported; nothing crashes with a stack trace.
    expect(build.output).not.toContain('unreachable.invalid');
    expect(build.output).not.toContain('#sources-heading');
    expect(build.output).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('reports the published-page gate and the link check together (the stages run at once)', async () => {
    // One page the Markdown gate passes but the page gate refuses, one with broken links.
    const dir = await mkdtemp(join(tmpdir(), 'two-stages-'));
    await cp(fixture('site-disagree', 'quoted-table.mdx'), join(dir, 'quoted-table.mdx'));
    await cp(fixture('links-broken', 'broken-links.mdx'), join(dir, 'broken-links.mdx'));
    const build = await buildSite(dir, { SKIP_SEARCH_INDEX: '1' });
    expect(build.ok, build.output).toBe(false);
    expect(build.output).toMatch(/quoted-table\.mdx:\d+:1 error Table row on the published page has no citation/);
    expect(build.output).toContain('Found 2 broken internal links');
    // One block at the end, each part closing with what to do; no stack trace.
    expect(build.output.trimEnd()).toMatch(/Next: fix each link, or restore the page or anchor it points to, then build again\. The site in the output folder was left as it was\.$/);
    expect(build.output).toMatch(/Next: fix each explainer at the line shown/);
    expect(build.output).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('fails when a citation marker points at a missing source anchor', async () => {
    // Both citation gates refuse this hand-made marker first; with them off, the link check must still catch it.
    const build = await buildSite(fixture('links-missing-anchor'), { SKIP_CITATION_CHECK: '1', SKIP_PUBLISHED_CHECK: '1' });
    expect(build.ok, build.output).toBe(false);
    expect(build.output).toContain('/explainers/missing-anchor/');
    expect(build.output).toMatch(/✗ #source-nope "2": no element with id="source-nope" on this page/);
    expect(build.output).toContain('1 broken internal link on 1 page.');
  }, 120_000);

  it('passes the sample content and says what it checked', async () => {
    const build = await buildSite(`${ROOT}/content/explainers`);
    expect(build.ok, build.output).toBe(true);
    const summary = /No broken internal links: (\d+) URLs from (\d+) pages checked/.exec(build.output);
    expect(summary, build.output).not.toBeNull();
    // Home, 404 and the three sample explainers at least.
    expect(Number(summary?.[2])).toBeGreaterThanOrEqual(5);
    expect(Number(summary?.[1])).toBeGreaterThan(Number(summary?.[2]));
  }, 120_000);

  it('can be skipped with SKIP_LINK_CHECK=1, and says so', async () => {
    const build = await buildSite(fixture('links-broken'), { SKIP_LINK_CHECK: '1' });
    expect(build.ok, build.output).toBe(true);
    expect(build.output).toContain('Internal link check skipped (SKIP_LINK_CHECK is set).');
  }, 120_000);
});
