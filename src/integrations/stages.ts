/**
 * Stages of the finished-site checks (./site-checks.ts): independent work over
 * the built site, run at the same time, whose problems are reported together.
 */
import { stopBuild } from './stop.ts';

/** What a stage may log (Astro's integration logger has these). */
export interface StageLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** A stage resolves to its failure report (file:line lines ending in what to do), or undefined when it passed. */
export type Stage = Promise<string | undefined>;

/**
 * Wait for every stage. Reports of failed checks end the build together, as one
 * block; a tool that failed (Pagefind crashing) is thrown, after those reports.
 */
export async function settleStages(stages: readonly Stage[]): Promise<void> {
  const outcomes = await Promise.allSettled(stages);
  const reports = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' && outcome.value ? [outcome.value] : []));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) {
    if (reports.length > 0) process.stderr.write(`\n${reports.join('\n\n')}\n`);
    throw failure.reason;
  }
  if (reports.length > 0) stopBuild(reports.join('\n\n'));
}
