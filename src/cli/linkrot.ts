/**
 * `npm run linkrot`: the external link-rot check. See `--help` and the
 * README's "Link checking" section.
 */
import { parseCommand, USAGE, UsageError, type Command } from '../linkrot/options.ts';
import { createProgress } from '../linkrot/progress.ts';
import { formatReport } from '../linkrot/report.ts';
import { StateError } from '../linkrot/state-file.ts';

async function main(): Promise<void> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`linkrot: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, format, quiet } = command;
  try {
    // Loaded only now: parsing MDX pulls in a lot that --help and typos do not need.
    const [{ mergeShardStates }, { runLinkrot }] = await Promise.all([import('../linkrot/merge.ts'), import('../linkrot/run.ts')]);
    let report;
    if (command.kind === 'merge') {
      report = await mergeShardStates({ ...options, inputs: command.inputs });
    } else {
      const progress = createProgress(process.stderr, { quiet });
      try {
        report = await runLinkrot({ ...options, onProgress: progress.update });
      } finally {
        progress.done();
      }
    }
    process.stdout.write(`${formatReport(report, format, options.policy.rottenRuns)}\n`);
    process.exitCode = report.exitCode;
  } catch (error) {
    if (error instanceof StateError) {
      process.stderr.write(`linkrot: ${error.message}\n`);
    } else if (['ENOENT', 'ENOTDIR'].includes(String((error as NodeJS.ErrnoException).code))) {
      process.stderr.write(`linkrot: ${(error as Error).message}. Check --content (now ${options.contentDir}).\n`);
    } else {
      process.stderr.write(`linkrot: the check failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

await main();
