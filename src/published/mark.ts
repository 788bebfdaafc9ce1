/**
 * The Analysis mark: a random value, new for every build, that the Analysis
 * component puts on its box (`data-analysis`). Writers cannot know it, so the
 * published-page gate can tell the real Analysis box from one typed by hand,
 * without asking either Markdown parser what the text was.
 */
import { randomBytes } from 'node:crypto';

/** Where the build hands the mark to the pages it renders (same process). */
const ENV = 'EXPLAINERS_ANALYSIS_MARK';

/** Start a build: make a new mark and hand it to the renderer. */
export function newAnalysisMark(): string {
  const mark = randomBytes(12).toString('base64url');
  process.env[ENV] = mark;
  return mark;
}

/** Continue with a mark kept from an earlier build (incremental builds keep its pages). */
export function keepAnalysisMark(mark: string): void {
  process.env[ENV] = mark;
}

/** The mark of the build in progress; undefined outside a checked build (dev server, tests). */
export function analysisMark(): string | undefined {
  return process.env[ENV] || undefined;
}
