/**
 * The same checker behind every entry point: the build gate, the CLI and
 * the dev server report the same problems, with file and line.
 */
import { cp, mkdtemp, readdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixture, ROOT, run } from '../helpers/site.ts';
import { startDev } from '../helpers/dev-server.ts';
import { frontmatterLoads } from '../../src/checks/frontmatter-precheck.ts';
import { browserUnavailable, launchBrowser } from '../helpers/browser.ts';

const checkCli = (args: string[]) => run(join(ROOT, 'node_modules/.bin/node'), ['src/cli/check.ts', ...args]);
const messageLines = (output: string) => output.split('\n').filter((line) => /\.mdx:\d+:\d+ (error|warning)/.test(line)).map((l) => l.replace(/^.*?([\w-]+\.mdx:)/, '$1'));

describe('build gate', () => {
  it('fails the build on an uncited paragraph, naming file and line, before rendering', async () => {
    const build = await buildSite(fixture('site-uncited'));
    expect(build.ok).toBe(false);
    expect(build.output).toContain('one-gap.mdx:15:1 error Paragraph cites no source  uncited-claim');
    expect(build.output).toContain('1 error, 0 warnings in 1 file');
    expect(build.output).not.toContain('generating static routes');
  }, 120_000);

  it('reports every error in every file at once, same as the CLI', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-'));
    for (const name of ['uncited-paragraph', 'unknown-source', 'invalid-source-urls']) {
      await cp(fixture('citations', name, 'input.mdx'), join(dir, `${name}.mdx`));
    }
    const [build, cli] = await Promise.all([buildSite(dir), checkCli([dir])]);
    expect(build.ok).toBe(false);
    expect(cli.code).toBe(1);
    const fromBuild = messageLines(build.output);
    expect(fromBuild).toHaveLength(6);
    expect(new Set(fromBuild.map((l) => l.split(':')[0])).size).toBe(3);
    expect(fromBuild).toEqual(messageLines(cli.output));
  }, 120_000);

  it('checks every fixture beside bundling, with the same messages as the CLI', async () => {
    // Every fixture whose frontmatter Astro accepts is checked on a worker thread while
    // Astro bundles (the path of every good build), and the build must print exactly
    // what the CLI prints.
    const dir = await mkdtemp(join(tmpdir(), 'gate-all-'));
    const names = (await readdir(fixture('citations'))).sort();
    let compiled = 0;
    for (const name of names) {
      const text = await readFile(fixture('citations', name, 'input.mdx'), 'utf8').catch(() => undefined);
      if (text === undefined || !frontmatterLoads(text) || name === 'unclosed-jsx') continue;
      await writeFile(join(dir, `${name}.mdx`), text);
      compiled++;
    }
    expect(compiled).toBeGreaterThan(15);
    const [build, cli] = await Promise.all([buildSite(dir), checkCli([dir])]);
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`${compiled} explainers checked in`);
    // That path, not the up-front one for frontmatter Astro would reject.
    expect(build.output).toMatch(new RegExp(`${compiled} explainers checked in \\d+ ms \\(beside bundling; the build waited \\d+ ms\\)`));
    const fromBuild = messageLines(build.output);
    expect(fromBuild.length).toBeGreaterThan(15);
    expect(fromBuild).toEqual(messageLines(cli.output));
  }, 180_000);

  it('reuses the results of unchanged files on the next build, and checks an edited one again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-cache-'));
    await cp(fixture('site-basic'), dir, { recursive: true });
    const env = { EXPLAINERS_CHECK_CACHE: `${dir}-cache.json` };
    const first = await buildSite(dir, env);
    expect(first.ok, first.output).toBe(true);
    expect(first.output).not.toContain('results reused');
    const second = await buildSite(dir, env);
    expect(second.ok, second.output).toBe(true);
    expect(second.output).toContain('2 unchanged since the last check, their results reused');
    // An edit that breaks the rules must fail the next build: the cache never hides it.
    await writeFile(join(dir, 'gfm.mdx'), `${await readFile(join(dir, 'gfm.mdx'), 'utf8')}\nA new claim with no source at all.\n`);
    const third = await buildSite(dir, env);
    expect(third.ok).toBe(false);
    expect(third.output).toContain('1 unchanged since the last check, their results reused');
    expect(messageLines(third.output)).toEqual(['gfm.mdx:25:1 error Paragraph cites no source  uncited-claim']);
  }, 180_000);

  it('prints every rule an article changes, even when the build passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-override-'));
    const text = await readFile(fixture('site-basic', 'gfm.mdx'), 'utf8');
    await writeFile(join(dir, 'quiet.mdx'), text.replace(/\n---\n/, '\nchecks:\n  empty-analysis: off\n---\n'));
    const build = await buildSite(dir, { SKIP_SEARCH_INDEX: '1', SKIP_LINK_CHECK: '1' });
    expect(build.ok, build.output).toBe(true);
    expect(build.output).toContain('quiet.mdx:16:3 info Rule `empty-analysis` is set to `off` in this article (site setting: `warning`)  check-override');
  }, 120_000);

  it('reports every file even when one cannot be compiled (MDX syntax error)', async () => {
    // The check runs beside Astro's bundling; Astro's MDX compile stops at the broken file,
    // and the full report must still replace that single error.
    const dir = await mkdtemp(join(tmpdir(), 'gate-syntax-'));
    for (const name of ['unclosed-jsx', 'uncited-paragraph', 'unknown-source']) {
      await cp(fixture('citations', name, 'input.mdx'), join(dir, `${name}.mdx`));
    }
    const [build, cli] = await Promise.all([buildSite(dir), checkCli([dir])]);
    expect(build.ok).toBe(false);
    const fromBuild = messageLines(build.output);
    expect(fromBuild).toContain('unclosed-jsx.mdx:21:1 error <Analysis> is opened but never closed  mdx-syntax');
    expect(new Set(fromBuild.map((l) => l.split(':')[0])).size).toBe(3);
    expect(fromBuild).toEqual(messageLines(cli.output));
    // Our report and its last line, not Vite's "Build failed" or a stack trace.
    expect(build.output.trimEnd()).toMatch(/Next: fix the errors above .*left as it was\.$/);
    expect(build.output).not.toContain('Build failed');
    expect(build.output).not.toContain('Stack trace');
  }, 120_000);
});

describe('check CLI', () => {
  it('passes the sample content with coverage per article', async () => {
    const { code, output } = await checkCli([]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/us-28-point-framework\.mdx: coverage \d+\/\d+ claims cited \(100%\), 2 sources/);
    expect(output).toContain('0 errors, 0 warnings in 0 files (3 explainers checked)');
  }, 60_000);

  it('prints JSON and GitHub annotations', async () => {
    const file = fixture('citations', 'unknown-source', 'input.mdx');
    const json = JSON.parse((await checkCli([file, '--format', 'json'])).output);
    expect(json.summary).toEqual({ errors: 2, warnings: 0, files: 1 });
    expect(json.files[0].messages[0]).toMatchObject({ line: 19, column: 24, severity: 'error', ruleId: 'unknown-source', hint: 'did you mean `alpha`?' });
    const github = await checkCli([file, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.output).toMatch(/^::error file=tests\/fixtures\/citations\/unknown-source\/input\.mdx,line=19,col=24,title=unknown-source::Citation `@alpah` names no source in the frontmatter%0Afix%3A|^::error .*%0Afix: did you mean/m);
  }, 60_000);

  it('refuses an unknown format and a folder without explainers', async () => {
    expect((await checkCli(['--format', 'xml'])).code).toBe(2);
    const empty = await mkdtemp(join(tmpdir(), 'empty-'));
    const result = await checkCli([empty]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('no .mdx files found');
  }, 60_000);
});

describe('dev server', () => {
  it('shows the error with file and line, and clears it once fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dev-content-'));
    const path = join(dir, 'one-gap.mdx');
    await cp(fixture('site-uncited', 'one-gap.mdx'), path);
    const dev = await startDev(dir);
    try {
      // The content layer syncs just after the server starts answering.
      let broken = await fetch(`${dev.url}/explainers/one-gap/`);
      for (let i = 0; i < 40 && broken.status === 404; i++) {
        await new Promise((r) => setTimeout(r, 250));
        broken = await fetch(`${dev.url}/explainers/one-gap/`);
      }
      const body = await broken.text();
      expect(broken.status).toBe(500);
      expect(body).toContain('Citation problem in one-gap.mdx, line 15');
      expect(body).not.toContain('CitationCheckError');
      // In the terminal too, as npm run check prints it (Astro's request handler and its error page
      // each log a failed request, so it shows twice; the check's own plugin throws it once).
      expect(dev.output()).toMatch(/one-gap\.mdx:15:1 Paragraph cites no source\n\s+fix: add a citation such as \[@alpha\]/);
      // No third copy of the fix as Astro's "Hint:", and no stack trace.
      expect(dev.output()).not.toMatch(/Hint:|Stack trace:|    at /);
      if (!browserUnavailable()) {
        // What the writer sees: Astro's error overlay in the browser, with file and line.
        const browser = await launchBrowser();
        try {
          const tab = await browser.newPage();
          await tab.goto(`${dev.url}/explainers/one-gap/`);
          const overlay = await tab.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 20_000 });
          const shown = await overlay.evaluate((el) => ({ name: el.shadowRoot?.querySelector('#name')?.textContent ?? '', text: el.shadowRoot?.textContent ?? '', stackPanel: el.shadowRoot?.querySelector('#stack') !== null }));
          // Titled for a writer, every error with its fix, the file's lines, and no stack trace into our code.
          expect(shown.name).toBe('Citation problem in one-gap.mdx, line 15');
          expect(shown.text).toContain('one-gap.mdx:15:1 Paragraph cites no source');
          expect(shown.text).toContain('fix: add a citation such as [@alpha]');
          expect(shown.text).toMatch(/one-gap\.mdx:15:1/);
          expect(shown.stackPanel, 'the overlay shows an empty Stack Trace panel').toBe(false);
        } finally {
          await browser.close();
        }
      }
      const source = await readFile(path, 'utf8');
      await writeFile(path, source.replace('A claim that cites nothing at all.', 'A claim that now cites [@alpha].'));
      let fixed: Response | undefined;
      for (let i = 0; i < 40; i++) {
        fixed = await fetch(`${dev.url}/explainers/one-gap/`);
        if (fixed.status === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(fixed?.status).toBe(200);
      expect(await fixed?.text()).toContain('A claim that now cites');
    } finally {
      await dev.stop();
    }
  }, 120_000);
});
