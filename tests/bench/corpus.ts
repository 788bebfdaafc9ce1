/**
 * A deterministic synthetic corpus of explainers for benchmarks: about
 * 1,200 words each, 6 sections, 10 sources, citations in every claim, some
 * lists, tables and Analysis blocks. Every article passes the citation checks.
 *
 *   npx node tests/bench/corpus.ts --n 1000 --seed 1 --dir /tmp/corpus
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** Options for {@link generateCorpus}. */
export interface CorpusOptions {
  n: number;
  seed?: number;
  dir: string;
  /** Sources per article (default 10). */
  sources?: number;
}

/** A small, fast, seeded PRNG (mulberry32) so corpora are identical run to run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'talks ceasefire framework envoy ministers delegation treaty guarantee sanctions border troops ' +
  'parliament election coalition budget inflation tariffs exports grain pipeline energy reactor ' +
  'summit alliance negotiators draft clause signatories monitoring mission observers corridor ' +
  'humanitarian refugees reconstruction loans creditors court ruling appeal constitution amendment ' +
  'referendum turnout ballots campaign polling districts governors mayors council committee hearing ' +
  'testimony report audit spending deficit reserves currency markets investors shipping ports ' +
  'airspace drones artillery frontline offensive withdrawal prisoners exchange hostages mediators ' +
  'proposal counteroffer deadline timetable phases verification inspectors compliance penalties'
).split(' ');
const FILLER = 'the a of in on with for and to by from under over after before during as'.split(' ');
const TOPICS = ['Peace talks', 'Elections', 'Sanctions', 'Energy', 'Trade', 'Courts', 'Migration', 'Security', 'Budget', 'Climate', 'Health', 'Technology'];
const PUBLISHERS = ['Northwind Wire', 'Harbor Times', 'Civic Ledger', 'Atlas Review', 'Meridian Post', 'Ministry Bulletin', 'Parliament Record', 'Policy Lab', 'Open Data Office', 'Border Monitor', 'Market Daily', 'Treaty Archive', 'Global Courier', 'Field Notes', 'Statistics Board', 'Press Agency', 'Regional Herald', 'Think Tank Quarterly', 'Court Reporter', 'Energy Watch'];
const TYPES = ['primary', 'official', 'news', 'analysis', 'reference'];

/** Generate one explainer's MDX text. */
export function explainer(index: number, random: () => number, sourceCount = 10): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = () => (random() < 0.35 ? pick(FILLER) : pick(WORDS));
  const ids = Array.from({ length: sourceCount }, (_, i) => `src-${i + 1}`);
  const cite = () => {
    const first = pick(ids);
    return random() < 0.2 ? `[@${first}; @${pick(ids)}]` : random() < 0.15 ? `[@${first}, p. ${1 + Math.floor(random() * 40)}]` : `[@${first}]`;
  };
  const sentence = (cited: boolean) => {
    const words = Array.from({ length: 12 + Math.floor(random() * 10) }, word);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    // Numbers only appear in cited sentences, as the checks require.
    if (cited && random() < 0.4) words.splice(4, 0, String(Math.floor(random() * 900_000)));
    return `${words.join(' ')}${cited ? ` ${cite()}` : ''}.`;
  };
  const paragraph = () => Array.from({ length: 4 }, (_, i) => sentence(i === 0 || random() < 0.6)).join(' ');
  const year = 2020 + (index % 6);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const topics = [pick(TOPICS), pick(TOPICS)].filter((t, i, all) => all.indexOf(t) === i);
  const sources = ids.map((id, i) => [
    `  - id: ${id}`,
    `    title: "${pick(WORDS)} ${pick(WORDS)} report ${index}-${i + 1}"`,
    `    url: https://source-${(index * 7 + i) % 400}.example/${year}/${index}/${id}`,
    `    publisher: ${pick(PUBLISHERS)}`,
    `    published: ${year}-${month}-01`,
    `    accessed: ${year}-${month}-${day}`,
    `    type: ${pick(TYPES)}`,
  ].join('\n'));
  const body: string[] = [paragraph()];
  for (let s = 1; s <= 6; s++) {
    body.push(`## Section ${s}: ${pick(WORDS)} and ${pick(WORDS)}`, paragraph(), paragraph());
    if (s === 2) body.push(['- ', '- ', '- '].map((dash) => `${dash}${sentence(true)}`).join('\n'));
    if (s === 4) body.push(`| Item | Detail |\n| --- | --- |\n| ${pick(WORDS)} | ${sentence(true)} |\n| ${pick(WORDS)} | ${sentence(true)} |`);
    if (s === 5 && random() < 0.6) body.push(`<Analysis>\n${paragraph().replace(/\s*\[@[^\]]*\]/g, '')}\n</Analysis>`);
  }
  // Every source must be cited at least once.
  body.push(`Sources consulted for this explainer ${ids.map((id) => `[@${id}]`).join(' ')}.`);
  return [
    '---',
    `title: "Explainer ${index}: ${pick(WORDS)} ${pick(WORDS)} and ${pick(WORDS)}"`,
    `summary: "${sentence(false).replace(/"/g, '')}"`,
    `published: ${year}-${month}-${day}`,
    'authors: [Bench Desk]',
    `topics: [${topics.join(', ')}]`,
    'sources:',
    ...sources,
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
}

/** Write `n` explainers into `dir` (emptied first). Returns the file paths. */
export async function generateCorpus({ n, seed = 1, dir, sources = 10 }: CorpusOptions): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const random = rng(seed);
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const path = join(dir, `explainer-${String(i).padStart(5, '0')}.mdx`);
    await writeFile(path, explainer(i, random, sources));
    files.push(path);
  }
  return files;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' } } });
  if (!values.dir) {
    console.error('Usage: npx node tests/bench/corpus.ts --dir <folder> [--n 1000] [--seed 1]');
    process.exitCode = 2;
  } else {
    const files = await generateCorpus({ n: Number(values.n), seed: Number(values.seed), dir: values.dir });
    console.log(`Wrote ${files.length} explainers to ${values.dir}`);
  }
}
