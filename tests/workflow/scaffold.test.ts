/**
 * `npm run new`: a new explainer from a title, and source stubs appended to
 * an existing one without changing anything else in the file.
 */
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArticle } from '../../src/checks/article.ts';
import { checkArticle } from '../../src/checks/run.ts';
import { explainerSchema } from '../../src/schema/explainer.ts';
import { addSource, AddSourceError, sourceIdFromUrl } from '../../src/cli/lib/add-source.ts';
import { frontmatterSlice } from '../../src/cli/lib/frontmatter-text.ts';
import { looseArguments } from '../../src/cli/lib/loose-args.ts';
import { explainerTemplate, localDate, slugify, suggestSlug } from '../../src/cli/lib/scaffold.ts';
import { slugProblem } from '../../src/schema/slug.ts';
import { buildSite } from '../helpers/site.ts';
import { cli, exec, npmRun, tempDir } from './helpers.ts';

const newCli = (args: string[], dir: string) => cli('new', args, { EXPLAINERS_DIR: dir });
const frontmatterOf = (text: string) => parse(frontmatterSlice(text)!.yaml) as Record<string, unknown> & { sources: Array<Record<string, unknown>> };

describe('slugs', () => {
  it('turns titles into readable ASCII slugs', () => {
    expect(slugify("What Europe's counter-proposal changes")).toBe('what-europes-counter-proposal-changes');
    expect(slugify('Ça coûte 800 000 € — Straße & Øresund')).toBe('ca-coute-800-000-strasse-and-oresund');
    expect(slugify('  Ukraine/Russia: talks?  ')).toBe('ukraine-russia-talks');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Україна')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify(`${'peace '.repeat(20)}talks`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(peace-)+peace$/);
  });

  it('refuses slugs that escape the folder, hide the file or take a reserved name', () => {
    for (const bad of ['', '../escape', 'a/b', '.hidden', 'UPPER', 'double--hyphen', '-lead', 'index', '404', 'search', 'sources', 'topics', 'con', 'lpt1']) {
      expect(slugProblem(bad), bad).toBeTypeOf('string');
    }
    expect(slugProblem('ukraine-talks-2025')).toBeUndefined();
  });
});

describe('the new explainer template', () => {
  const text = explainerTemplate({ title: 'Talks: "what next" for Kyiv', date: '2025-11-26', authors: ['Jane Doe', 'Explainers desk'] });

  it('has valid frontmatter with the date, no topics and one example source', () => {
    const data = explainerSchema.parse(frontmatterOf(text));
    expect(data.title).toBe('Talks: "what next" for Kyiv');
    expect(data.published.toISOString().slice(0, 10)).toBe('2025-11-26');
    expect(data.topics).toEqual([]);
    expect(data.authors).toEqual(['Jane Doe', 'Explainers desk']);
    expect(data.sources).toHaveLength(1);
  });

  it('shows the syntax and an Analysis block, and is refused as it is, naming each placeholder', () => {
    const result = checkArticle(parseArticle('new.mdx', text));
    const errors = result.file.messages.map((m) => `${m.line} ${m.ruleId} ${m.reason}`);
    // Nothing of the scaffold is ever published: every placeholder is named at its line.
    expect(errors.every((e) => / unfinished /.test(e))).toBe(true);
    for (const what of ['`summary` still says "Replace …"', '`title` still says "Replace …"', '`publisher` still says "Replace …"', 'still has an example web address', 'This is an example sentence', 'This cites the example source', 'This is the example Analysis']) {
      expect(errors.join('\n'), what).toContain(what);
    }
    // Every example claim cites, so the template teaches the syntax it asks for.
    expect(result.coverage?.claims).toBeGreaterThan(2);
    expect(result.coverage?.cited).toBe(result.coverage?.claims);
    expect(text).toContain('[@example-source]');
    expect(text).toContain('[@example-source, p. 4]');
    expect(text).toMatch(/<Analysis>\n.+\n<\/Analysis>/);
  });
});

/** A writer's first draft of the scaffold: a real summary, a real source, their own sentences. */
function fillIn(text: string): string {
  return text
    .replace(/^summary: .*$/m, 'summary: "What the talks in Geneva agreed, and what they left open."')
    .replace(/  - id: example-source[\s\S]*?(?=\n---)/, '  - id: talks-report\n    title: "Talks in Geneva end with a framework"\n    url: https://news.test/geneva-talks\n    publisher: News Wire\n    type: news')
    .replace(/\n---\n[\s\S]*$/, '\n---\n\nThe talks ended with a framework [@talks-report].\n\n## What was agreed\n\nBoth sides agreed a ceasefire [@talks-report]. Observers will check it [@talks-report, p. 4].\n\n- Prisoners will be exchanged [@talks-report].\n- Talks resume next month [@talks-report].\n\n<Analysis>\nThe framework leaves the hardest questions for later.\n</Analysis>\n');
}

describe('npm run new -- "Title"', () => {
  it('creates the explainer, refused by npm run check until it is filled in, and prints the next steps', async () => {
    const dir = await tempDir('new');
    const ran = await npmRun('new', ["What Europe's counter-proposal changes"], { EXPLAINERS_DIR: dir });
    expect(ran.code, ran.stderr).toBe(0);
    const file = join(dir, 'what-europes-counter-proposal-changes.mdx');
    expect(ran.stdout).toContain('Created');
    expect(ran.stdout).toContain('Next steps');
    expect(ran.stdout).toContain('npm run new -- --source https://… --to what-europes-counter-proposal-changes');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`published: ${localDate()}`);
    const untouched = await npmRun('check', [file]);
    expect(untouched.code, untouched.stdout).toBe(1);
    expect(untouched.stdout).toMatch(/what-europes-counter-proposal-changes\.mdx:3:10 error `summary` still says "Replace …" {2}unfinished/);
    await writeFile(file, fillIn(text));
    const filled = await npmRun('check', [file]);
    expect(filled.code, filled.stdout).toBe(0);
    expect(filled.stdout).toContain('0 errors, 0 warnings');
  }, 60_000);

  it('builds, once filled in, into a published page with numbered citations and the Analysis box', async () => {
    const dir = await tempDir('new-build');
    expect((await newCli(['Geneva talks: what was agreed'], dir)).code).toBe(0);
    const file = join(dir, 'geneva-talks-what-was-agreed.mdx');
    await writeFile(file, fillIn(await readFile(file, 'utf8')));
    const build = await buildSite(dir);
    expect(build.ok, build.output).toBe(true);
    const html = await readFile(join(build.outDir, 'explainers', 'geneva-talks-what-was-agreed', 'index.html'), 'utf8');
    expect(html).toContain('Geneva talks: what was agreed');
    expect(html.match(/class="cite-link"/g)?.length).toBe(5);
    expect(html).toContain('aria-label="Analysis"');
    expect(html).not.toContain('[@');
  }, 180_000);

  it('never overwrites an existing explainer, even one whose name differs only by case', async () => {
    const dir = await tempDir('overwrite');
    expect((await newCli(['Ukraine talks'], dir)).code).toBe(0);
    const file = join(dir, 'ukraine-talks.mdx');
    await writeFile(file, 'my draft, not to be lost\n');
    const again = await newCli(['Ukraine talks'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ukraine-talks.mdx already exists; nothing was changed');
    expect(await readFile(file, 'utf8')).toBe('my draft, not to be lost\n');

    await writeFile(join(dir, 'Peace-Plan.mdx'), 'mine\n');
    const clash = await newCli(['Peace plan'], dir);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('Peace-Plan.mdx already exists');
    expect((await readdir(dir)).sort()).toEqual(['Peace-Plan.mdx', 'ukraine-talks.mdx']);
  }, 60_000);

  it('rejects titles and slugs that give an empty, unsafe or reserved file name, creating nothing', async () => {
    const parent = await tempDir('unsafe');
    const dir = join(parent, 'explainers');
    await mkdir(dir);
    const cases: Array<[string[], RegExp]> = [
      [['...'], /no letters or digits/],
      [['Україна'], /no letters or digits[\s\S]*--slug/],
      [['Index'], /"index" is reserved/],
      [['Fine title', '--slug', '../escape'], /may only contain/],
      [['Fine title', '--slug', '../../etc/cron'], /may only contain/],
      [['Fine title', '--slug', '.hidden'], /may only contain/],
      [['   '], /title is empty/],
    ];
    for (const [args, message] of cases) {
      const ran = await newCli(args, dir);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.stderr).toMatch(message);
      expect(ran.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(await readdir(dir)).toEqual([]);
    expect(await readdir(parent)).toEqual(['explainers']);
  }, 120_000);

  it('keeps a title with path characters inside the folder', async () => {
    const dir = await tempDir('traversal');
    const ran = await newCli(['../../etc/passwd'], dir);
    expect(ran.code).toBe(0);
    expect(await readdir(dir)).toEqual(['etc-passwd.mdx']);
  }, 60_000);

  it('says so when the explainers folder does not exist, without creating it', async () => {
    const parent = await tempDir('missing');
    const ran = await newCli(['A title'], join(parent, 'nope'));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/folder .*nope does not exist/);
    expect(await readdir(parent)).toEqual([]);
  }, 60_000);
});

describe('npm run new is forgiving', () => {
  /** `npm run new <args>` exactly as typed, without the `--` our helper adds. */
  const typed = (args: string[], dir: string) => exec('npm', ['run', '--silent', 'new', ...args], { env: { EXPLAINERS_DIR: dir } });

  it('shows the right form when npm kept a flag typed without --, and writes nothing', async () => {
    const dir = await tempDir('loose');
    const ran = await typed(['Geneva talks', '--slug', 'geneva'], dir);
    expect(ran.code, ran.stdout).toBe(2);
    expect(ran.stderr).toContain('npm kept --slug for itself');
    expect(ran.stderr).toContain('→ npm run new -- "Geneva talks" --slug geneva');
    const source = await typed(['--source', 'https://a.example/story?id=1&x=2'], dir);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('→ npm run new -- --source "https://a.example/story?id=1&x=2"');
    expect(await readdir(dir)).toEqual([]);
  }, 60_000);

  it('asks for quotes when a title arrives as several words, and --source for a web address', async () => {
    const dir = await tempDir('words');
    const words = await newCli(['What', 'the', 'Geneva', 'talks', 'agreed'], dir);
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('the title arrived as 5 separate words; nothing was written');
    expect(words.stderr).toContain('→ npm run new -- "What the Geneva talks agreed"');
    const url = await newCli(['https://www.reuters.com/world/talks'], dir);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('→ npm run new -- --source https://www.reuters.com/world/talks --to <explainer>');
    expect(await readdir(dir)).toEqual([]);
  }, 60_000);

  it('pairs each option npm kept with its value, quoting what the shell needs quoted', () => {
    const npm = (vars: Record<string, string>) => ({ npm_lifecycle_event: 'new', ...vars });
    expect(looseArguments(['Talks', 'talks'], npm({ npm_config_slug: 'true' }), false)?.hint).toBe('npm run new -- "Talks" --slug talks');
    expect(looseArguments(['Talks'], npm({ npm_config_author: 'Jane Doe' }), false)?.hint).toBe('npm run new -- "Talks" --author "Jane Doe"');
    expect(looseArguments(['https://a.example/x'], npm({ npm_config_source: 'true', npm_config_fetch: '' }), true)?.hint).toBe('npm run new -- --source https://a.example/x --no-fetch');
    // Values npm cannot tell apart stay as placeholders rather than being guessed.
    expect(looseArguments(['Talks', 'x'], npm({ npm_config_slug: 'true', npm_config_author: 'true' }), false)?.hint).toBe('npm run new -- "Talks" --slug <slug> --author <author> x');
    // Run directly (not by npm), or with --, nothing is reported.
    expect(looseArguments(['Talks'], { npm_config_slug: 'true' }, false)).toBeUndefined();
    expect(looseArguments(['Talks'], npm({}), false)).toBeUndefined();
  });

  it('gives a long title a short file name of its first words and says how to choose another', async () => {
    const title = "What Europe's counter-proposal to the 28-point plan changes for Ukraine's army, its allies and the ceasefire line";
    expect(slugify(title).length).toBeGreaterThan(60);
    expect(suggestSlug(title)).toEqual({ slug: 'europes-counter-proposal-28-point-plan', shortened: true });
    expect(suggestSlug('What the Geneva talks agreed')).toEqual({ slug: 'what-the-geneva-talks-agreed', shortened: false });
    const dir = await tempDir('long');
    const ran = await newCli([title], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expect(await readdir(dir)).toEqual(['europes-counter-proposal-28-point-plan.mdx']);
    expect(ran.stdout).toContain('The title is long, so the file name is made from its first words: europes-counter-proposal-28-point-plan.mdx');
    expect(ran.stdout).toContain('--slug europes-counter-proposal');
    expect(frontmatterOf(await readFile(join(dir, 'europes-counter-proposal-28-point-plan.mdx'), 'utf8')).title).toBe(title);
  }, 60_000);
});

/** The lines `after` has that `before` lacks, checking everything else is identical byte for byte. */
function inserted(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  // Back up to a line start so the insertion is whole lines.
  while (start > 0 && before[start - 1] !== '\n') start--;
  const length = after.length - before.length;
  expect(after.slice(0, start) + after.slice(start + length)).toBe(before);
  return after.slice(start, start + length);
}

const ODD = `---
# Comments, odd indentation and quoting must all survive.
title:   'Odd: formatting kept'
summary: "A summary."   # trailing comment
published: 2025-11-26
authors: [Jane Doe]

sources:
- id: first      # no indent before the dash
  title: "First"
  url: https://example.test/first
  publisher: Example
- id: second
  title: 'Second'
  url: "https://example.test/second"
  publisher: Example
  quote: >-
    A folded quote
    over two lines.
  # a note about the second source

# after the list
topics:
    - Deep indent
---

Body with [@first] and [@second]. A line with three dashes follows.

---

sources: this is body text, not frontmatter
`;

describe('npm run new -- --source <url>', () => {
  it('appends a stub in the list own indentation, changing nothing else byte for byte', () => {
    const result = addSource(ODD, 'https://www.reuters.com/world/europe/ukraine-peace-plan-2025-11-24/');
    const lines = inserted(ODD, result.text);
    expect(lines).toBe(`- id: reuters-ukraine-peace-plan
  title: "" # the page's headline, exactly as published
  url: https://www.reuters.com/world/europe/ukraine-peace-plan-2025-11-24/
  publisher: "" # who published it, by name, e.g. Reuters (the page is on reuters.com)
`);
    // After the second source and its indented note, before the comment that belongs to the next field.
    expect(result.text).toContain(`  # a note about the second source\n- id: reuters-ukraine-peace-plan\n`);
    expect(result.line).toBe(result.text.split('\n').indexOf('- id: reuters-ukraine-peace-plan') + 1);
    const data = frontmatterOf(result.text);
    expect(data.sources.map((s) => s.id)).toEqual(['first', 'second', 'reuters-ukraine-peace-plan']);
    expect(data.sources[1]).toEqual(frontmatterOf(ODD).sources[1]);
    expect(data.topics).toEqual(['Deep indent']);
  });

  it('keeps CRLF line endings, a byte-order mark and four-space indentation', () => {
    const text = '\uFEFF---\r\ntitle: T\r\nsources:\r\n    -   id: a\r\n        url: https://a.example/x\r\n---\r\nBody [@a].\r\n';
    const result = addSource(text, 'https://b.example/y');
    const lines = inserted(text, result.text);
    expect(lines).toBe('    -   id: b-y\r\n        title: "" # the page\'s headline, exactly as published\r\n        url: https://b.example/y\r\n        publisher: "" # who published it, by name, e.g. Reuters (the page is on b.example)\r\n'.replace('b-y', sourceIdFromUrl('https://b.example/y', new Set())));
    expect(result.text.startsWith('\uFEFF---\r\n')).toBe(true);
  });

  it('starts the list when there is none, and replaces an empty [] keeping its comment', () => {
    const none = '---\ntitle: T\nauthors:\n  - A\n---\nBody\n';
    const added = addSource(none, 'https://a.example/story-one');
    expect(inserted(none, added.text)).toMatch(/^sources:\n  - id: a-one\n/);
    const empty = '---\ntitle: T\nsources: []  # none yet\nsummary: S\n---\n';
    const filled = addSource(empty, 'https://a.example/story-one').text;
    expect(filled).toMatch(/^---\ntitle: T\nsources:  # none yet\n  - id: a-one\n[\s\S]*\nsummary: S\n---\n$/);
    expect(frontmatterOf(filled).sources).toHaveLength(1);
  });

  it('refuses pages already cited (same normalised URL), non-web addresses and lists it cannot edit safely', () => {
    expect(() => addSource(ODD, 'https://EXAMPLE.test/first/?utm_source=news#top')).toThrow(/line 11 already has this page as source `first`/);
    for (const url of ['ftp://example.test/file', 'javascript:alert(1)', 'example.com/page', 'https://exa mple.com/']) {
      expect(() => addSource(ODD, url), url).toThrow(AddSourceError);
    }
    expect(() => addSource('---\nsources: [{id: a, url: "https://a.example"}]\n---\n', 'https://b.example')).toThrow(/bracketed/);
    expect(() => addSource('---\ntitle: [unclosed\n---\n', 'https://b.example')).toThrow(/not valid YAML/);
    expect(() => addSource('no frontmatter\n', 'https://b.example')).toThrow(/no frontmatter/);
  });

  it('derives an id that no other source uses', () => {
    const twice = addSource(addSource(ODD, 'https://example.test/first-look').text, 'https://example.test/first-look?page=2');
    expect(frontmatterOf(twice.text).sources.map((s) => s.id)).toEqual(['first', 'second', 'example-first-look', 'example-first-look-2']);
  });

  it('edits the explainer named by --to (or the last edited one) and leaves a stub the checks report until it is filled in and cited', async () => {
    const dir = await tempDir('source');
    await writeFile(join(dir, 'odd.mdx'), ODD);
    await writeFile(join(dir, 'other.mdx'), ODD);
    await utimes(join(dir, 'odd.mdx'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    const ran = await newCli(['--source', 'https://www.reuters.com/world/europe/ukraine-peace-plan-2025-11-24/', '--no-fetch'], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/Added source `reuters-ukraine-peace-plan` to .*other\.mdx:\d+ \(the explainer you edited last/);
    expect(await readFile(join(dir, 'odd.mdx'), 'utf8')).toBe(ODD);

    const to = await newCli(['--source', 'https://apnews.com/article/ukraine-talks-geneva', '--to', 'odd', '--no-fetch'], dir);
    expect(to.code, to.stderr).toBe(0);
    const text = await readFile(join(dir, 'odd.mdx'), 'utf8');
    expect(inserted(ODD, text)).toContain('- id: apnews-ukraine-talks-geneva\n');
    const check = await cli('check', [join(dir, 'odd.mdx')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/odd\.mdx:\d+:\d+ error Source `apnews-ukraine-talks-geneva` is never cited {2}unused-source/);
    expect(check.stdout).toMatch(/odd\.mdx:\d+:\d+ error Source 3 \(`apnews-ukraine-talks-geneva`\): `title` must not be empty/);
    // A publisher left as the web address would pass the schema and be published: it starts empty instead.
    expect(check.stdout).toMatch(/odd\.mdx:\d+:\d+ error Source 3 \(`apnews-ukraine-talks-geneva`\): `publisher` must not be empty/);
  }, 60_000);

  it('changes nothing when any of several sources is refused', async () => {
    const dir = await tempDir('atomic');
    await writeFile(join(dir, 'odd.mdx'), ODD);
    const ran = await newCli(['--source', 'https://new.example/a-story', '--source', 'https://example.test/second', '--to', join(dir, 'odd.mdx'), '--no-fetch'], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('already has this page as source `second`; nothing was changed');
    expect(ran.stderr).toContain('→ cite it as [@second]');
    expect(await readFile(join(dir, 'odd.mdx'), 'utf8')).toBe(ODD);
    expect(await readdir(dir)).toEqual(['odd.mdx']);
    const latin1 = Buffer.concat([Buffer.from(ODD.replace('Body with', 'Caf')), Buffer.from([0xe9]), Buffer.from(' body\n')]);
    await writeFile(join(dir, 'latin1.mdx'), latin1);
    const notUtf8 = await newCli(['--source', 'https://new.example/a', '--to', 'latin1', '--no-fetch'], dir);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toContain('is not valid UTF-8 text; nothing was changed');
    expect(await readFile(join(dir, 'latin1.mdx'))).toEqual(latin1);
    const missing = await newCli(['--source', 'https://new.example/a', '--to', 'nope', '--no-fetch'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.mdx does not exist/);
  }, 60_000);
});
