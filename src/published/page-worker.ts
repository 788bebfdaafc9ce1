/** Worker body for the published-page gate: read and judge a batch of pages (./run.ts). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyPage, type PageProblem } from './verify.ts';

/** A batch: the built site, the explainer slugs to judge, the build's Analysis mark. */
export interface PageBatch {
  outDir: string;
  slugs: string[];
  analysisMark: string;
}

/** Judge every page of the batch; returns each slug's problems, in order. */
export default async function verifyBatch({ outDir, slugs, analysisMark }: PageBatch): Promise<PageProblem[][]> {
  const verdicts: PageProblem[][] = [];
  for (const slug of slugs) verdicts.push(verifyPage(await readFile(join(outDir, 'explainers', slug, 'index.html'), 'utf8'), { analysisMark }));
  return verdicts;
}
