/**
 * A Vitest reporter that ends the run with one plain line CI can read:
 * `Tests: N passed, N failed, N skipped`, and says loudly when browser tests did not run.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { SKIP_NOTE } from './browser.ts';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but is still a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    let note = '';
    try {
      note = readFileSync(SKIP_NOTE, 'utf8').trim();
      rmSync(SKIP_NOTE);
    } catch {
      // No browser tests were skipped.
    }
    if (note) console.log(`\n!!! BROWSER TESTS NOT RUN: ${note}. Install Chromium (apt-get install -y chromium) to run them.`);
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
