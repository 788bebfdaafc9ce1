/**
 * Three readers judge every explainer on their own: the checker (remark, src/checks/), the renderer
 * (Sätteri, which makes the page) and the published-page gate (src/published/verify.ts, over the
 * final HTML). A claim one misses, or calls cited when another does not, could reach readers
 * unsourced. These differential tests feed all three the same documents (./readers.ts):
 *
 * (a) do remark and Sätteri read the same claims and the same citations? Where they do not, one of
 *     the two gates must refuse the document: that disagreement is what the second gate is for.
 * (b) are the claims the checker calls uncited exactly those the page gate does (so the writer is
 *     told about the same blocks by both)?
 *
 * On generated documents (fast-check, ./generate-explainer.ts) with a fixed seed, so CI is
 * deterministic; `npm run fuzz` (READERS_RUNS, READERS_SEED) searches longer. And on every fixture,
 * sample explainer and a synthetic corpus, where (a) must hold without any gate's help.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readExplainer } from '../../src/schema/explainer-file.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateCorpus } from '../bench/corpus.ts';
import { ROOT } from '../helpers/site.ts';
import { explainerBody, SOURCE_IDS } from './generate-explainer.ts';
import { attempt, parsersDiffer, refused, remarkReading, satteriReading, uncited, type Outcome, type Reading } from './readers.ts';

const SEED = Number(process.env.READERS_SEED ?? 20251126);
const RUNS = Number(process.env.READERS_RUNS ?? 300);
const SOURCES = SOURCE_IDS.map((id) => ({ id, title: id.toUpperCase(), url: `https://example.test/${id}`, publisher: 'Example' }));
const FRONT = `---\ntitle: Generated\nsources:\n${SOURCES.map((s) => `  - id: ${s.id}\n    title: ${s.title}\n    url: ${s.url}\n    publisher: ${s.publisher}\n`).join('')}---\n\n`;

/** How readers disagree about a body ('' when they agree); the same kind of failure keeps the same verdict. */
type Verdict = (body: string) => string;

/**
 * fast-check shrinks the grammar, which cannot unwrap a list or a quote; this then drops lines and
 * words while the readers still disagree the same way, so the report also shows the smallest text.
 */
function reduce(body: string, verdict: Verdict): string {
  const kind = verdict(body);
  for (const sep of ['\n', ' ']) {
    let parts = body.split(sep);
    for (let i = parts.length - 1; i >= 0; i--) {
      const next = parts.toSpliced(i, 1);
      if (verdict(next.join(sep)) === kind) parts = next;
    }
    body = parts.join(sep);
  }
  return body;
}

/** Assert agreement on generated bodies with the fixed seed; a failure prints the documents as written, and why. */
function check(verdict: Verdict, explain: (body: string) => string): void {
  fc.assert(fc.property(explainerBody(), (body) => verdict(body) === ''), {
    seed: SEED,
    numRuns: RUNS,
    reporter(details) {
      if (!details.failed) return;
      const body = details.counterexample?.[0] ?? '';
      const small = reduce(body, verdict);
      // A predicate that threw is a harness bug, not a disagreement: say so.
      const why = String(details.errorInstance).includes('returning false') ? '' : `\nThrown: ${String(details.errorInstance)}`;
      const cut = (text: string) => `----8<----\n${text}${text.endsWith('\n') ? '' : '\n'}----8<----  (${JSON.stringify(text)})`;
      const out = attempt(() => explain(small));
      throw new Error(
        `Readers disagree: ${verdict(body)} (seed ${details.seed}, path "${details.counterexamplePath}").\nShrunk by fast-check:\n${cut(body)}\n` +
          `Reduced further by lines and words:\n${cut(small)}\n${'ok' in out ? out.ok : out.error}${why}`,
      );
    },
  });
}

const show = (name: string, r: Outcome<Reading>) =>
  'error' in r ? `${name}: throws: ${r.error}` : `${name}:\n  claims:\n${r.ok.claims.map((c) => `    ${c}`).join('\n') || '    (none)'}\n  uses: ${r.ok.uses.join(' ') || '(none)'}`;

/** (a): the readers agree, or the build refuses the document (a disagreement no gate catches is the failure). */
function parsersAgree(body: string): string {
  const differ = parsersDiffer(FRONT + body);
  return differ && !refused(FRONT + body) ? `${differ}, and both gates let it through` : '';
}

/** (b): a fully cited document publishes no uncited block; otherwise both name the same blocks. */
function gateAgrees(body: string): string {
  const lists = uncited(FRONT + body);
  if (!lists) return '';
  const { checker, page } = lists;
  if (checker.length === 0 && page.length > 0) return 'the checker finds it fully cited, the page gate does not';
  if (checker.length !== page.length) return `the ${checker.length > page.length ? 'checker' : 'page gate'} finds more uncited claims`;
  return JSON.stringify(checker) === JSON.stringify(page) ? '' : 'uncited claims differ in text';
}

/** Every citation fixture, sample explainer and fixture-site page, and 30 synthetic explainers. */
async function fixedFiles(synthetic: string): Promise<string[]> {
  const found: string[] = [];
  const fixtures = join(ROOT, 'tests/fixtures/citations');
  for (const name of await readdir(fixtures)) if (existsSync(join(fixtures, name, 'input.mdx'))) found.push(join(fixtures, name, 'input.mdx'));
  for (const dir of ['content/explainers', 'tests/fixtures/site-basic', 'tests/fixtures/site-reader', 'tests/fixtures/site-search']) {
    for (const name of await readdir(join(ROOT, dir))) if (name.endsWith('.mdx')) found.push(join(ROOT, dir, name));
  }
  return [...found, ...(await generateCorpus({ n: 30, seed: 7, dir: synthetic }))];
}

describe('the checker, the renderer and the page gate read explainers alike', () => {
  const timeout = 60_000 + RUNS * 200;

  it('(a) remark and Sätteri find the same claims and citations, or a gate refuses the document', () => {
    check(parsersAgree, (body) => `${show('remark (checker)', remarkReading(FRONT + body))}\n${show('Sätteri (renderer)', satteriReading(FRONT + body))}`);
  }, timeout);

  it('(b) the checker and the published page find the same uncited claims', () => {
    check(gateAgrees, (body) => {
      const lists = uncited(FRONT + body);
      const prose = /<div class="prose">([\s\S]*)<\/div><section/.exec(lists?.html ?? '')?.[1];
      return `checker's uncited claims: ${JSON.stringify(lists?.checker)}\npage's uncited blocks:    ${JSON.stringify(lists?.page)}\npage HTML:\n${prose}`;
    });
  }, timeout);

  it('reads every fixture, sample and synthetic explainer alike, with no gate needed', async () => {
    const synthetic = await mkdtemp(join(tmpdir(), 'readers-agree-'));
    onTestFinished(() => rm(synthetic, { recursive: true, force: true }));
    const files = await fixedFiles(synthetic);
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      // Bytes that are not UTF-8 text (UTF-16) and a frontmatter that cannot be found (`—` for `---`, no closing
      // line) are refused before either parser reads the file, so neither reading is ever used.
      if (readExplainer(file, await readFile(file)).problems.some((p) => p.final && (p.ruleId === 'invalid-frontmatter' || p.ruleId === 'encoding'))) continue;
      expect({ file, differ: parsersDiffer(text) }).toEqual({ file, differ: '' });
      const lists = uncited(text);
      if (lists) expect({ file, page: lists.page }).toEqual({ file, page: lists.checker });
    }
  }, 120_000);
});
