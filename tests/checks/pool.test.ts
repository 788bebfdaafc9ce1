/** The worker-thread pool gives exactly the messages the in-process checker gives, on any number of cores. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkFiles, findArticles } from '../../src/checks/files.ts';
import { siteChecks } from '../../src/checks/run.ts';
import { checkInPool } from '../../src/checks/pool.ts';
import { formatJson } from '../../src/checks/format-tools.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { fixture } from '../helpers/site.ts';

it('checks a large site in worker threads with the same results as in-process', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pool-'));
  await generateCorpus({ n: 80, seed: 3, dir });
  for (const name of ['uncited-paragraph', 'unknown-source', 'malformed-space', 'invalid-source-urls']) {
    await cp(fixture('citations', name, 'input.mdx'), join(dir, `${name}.mdx`));
  }
  const files = await findArticles([dir]);
  const now = new Date('2026-01-15');
  // Two threads whatever the machine has, so the pool itself is tested on one CPU too.
  const pooled = await checkInPool(files, process.cwd(), { now, threads: 2 });
  // Passing the config explicitly keeps the run in-process.
  const { config, overrides } = siteChecks();
  const inProcess = await checkFiles(files, { now, config, siteOverrides: overrides });
  expect(formatJson(pooled)).toBe(formatJson(inProcess));
  expect(JSON.parse(formatJson(pooled)).summary.errors).toBe(7);
}, 120_000);
