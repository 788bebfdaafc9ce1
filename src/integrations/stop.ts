/**
 * The one way our integrations fail a build: print the report, which already
 * names every file and line with its fix and ends with what to do next, and
 * end the process with exit code 1. Throwing instead would wrap the report in
 * Vite's and Astro's own lines ("✗ Build failed", "An unhandled error occurred
 * while running the hook", an empty "Stack trace:"), none of them useful to a
 * writer. Tool failures (Pagefind crashing) are still thrown, with their cause.
 */

/** End the build with `report` as the last thing printed. Never returns. */
export function stopBuild(report: string): never {
  // Synchronous on pipes and files, so the report is out before the process ends.
  process.stderr.write(`\n${report.trimEnd()}\n`);
  process.exit(1);
}
