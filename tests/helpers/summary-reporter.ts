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
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed with no failing test (it did not load, or a beforeAll hook threw
      // and its tests were skipped) is still a failure, counted once.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
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
