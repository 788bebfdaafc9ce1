/**
 * Incremental builds reuse an article page only when nothing it shows has
 * changed: its text, its sources, the site code, or its sources' health.
 */
import { appendFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, isolatedRoot } from '../helpers/site.ts';
import { page } from '../helpers/html.ts';

const restored = (output: string, slug: string) => new RegExp(`/explainers/${slug}/index\\.html \\(restored\\)`).test(output);

describe('incremental builds', () => {
  let root: string;
  let content: string;
  let state: string;
  const build = async () => {
    const result = await buildSite(content, { LINKROT_STATE: state, EXPLAINERS_INCREMENTAL: '1' }, root);
    expect(result.ok, result.output).toBe(true);
    return result;
  };

  beforeAll(async () => {
    root = await isolatedRoot();
    content = await mkdtemp(join(tmpdir(), 'incremental-'));
    state = join(content, '..', `state-${Date.now()}.json`);
    await cp(fixture('site-basic', 'markers.mdx'), join(content, 'markers.mdx'));
    await cp(fixture('site-uncited', 'one-gap.mdx'), join(content, 'one-gap.mdx'));
    // Make the second fixture pass the gate.
    const gap = join(content, 'one-gap.mdx');
    await writeFile(gap, (await readFile(gap, 'utf8')).replace('cites nothing at all.', 'cites alpha [@alpha].'));
    await build();
  }, 180_000);

  it('restores unchanged articles and re-renders an edited one', async () => {
    const again = await build();
    expect(restored(again.output, 'markers')).toBe(true);
    expect(restored(again.output, 'one-gap')).toBe(true);

    const path = join(content, 'one-gap.mdx');
    await writeFile(path, (await readFile(path, 'utf8')).replace('A sourced claim', 'An edited sourced claim'));
    const edited = await build();
    expect(restored(edited.output, 'one-gap')).toBe(false);
    expect(restored(edited.output, 'markers')).toBe(true);
    expect(await page(edited.outDir, 'explainers/one-gap')).toContain('An edited sourced claim');
  }, 180_000);

  it('re-renders an article whose source changed in the frontmatter', async () => {
    const path = join(content, 'markers.mdx');
    await writeFile(path, (await readFile(path, 'utf8')).replace('title: Gamma note', 'title: Gamma note, revised'));
    const result = await build();
    expect(restored(result.output, 'markers')).toBe(false);
    expect(await page(result.outDir, 'explainers/markers')).toContain('Gamma note, revised');
  }, 180_000);

  it('re-renders every article when a component changes', async () => {
    await appendFile(join(root, 'src/components/Corrections.astro'), '\n<!-- layout changed -->\n');
    const result = await build();
    expect(restored(result.output, 'markers')).toBe(false);
    expect(restored(result.output, 'one-gap')).toBe(false);
    expect(await page(result.outDir, 'explainers/markers')).toContain('layout changed');
  }, 180_000);

  it('re-renders an article when its sources’ health changes', async () => {
    const now = new Date().toISOString();
    await writeFile(state, JSON.stringify({ version: 1, updated: now, urls: { 'https://example.test/alpha': { lastClass: 'dead', problem: 'rotten', lastChecked: now, lastStatus: 404 } } }));
    const result = await build();
    expect(restored(result.output, 'one-gap')).toBe(false);
    expect(await page(result.outDir, 'explainers/one-gap')).toMatch(/no longer available/i);
  }, 180_000);
});
