/**
 * Test projects, each with the timeouts its tests need, so any folder runs on
 * its own (`npx vitest run tests/checks`) exactly as it runs in `npm test`.
 * The slow ones build real sites or drive Chromium; nothing here sleeps.
 */
import { defineConfig } from 'vitest/config';

/** A project over some test folders, with its timeouts (milliseconds). */
const project = (name: string, folders: string[], testTimeout: number, hookTimeout = testTimeout) => ({
  test: { name, include: folders.map((folder) => `tests/${folder}/**/*.test.ts`), testTimeout, hookTimeout },
});

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      // Pure modules and hand-written pages: seconds at most.
      project('unit', ['unit', 'published'], 20_000),
      // The checker on fixtures, the hostile corpus, generated documents; some build a site.
      project('fixtures', ['checks'], 180_000),
      // Real builds of fixture sites, the link checks, the writer workflow (git, CLIs, local servers).
      project('site builds', ['site', 'links', 'workflow'], 180_000),
      // Chromium against built sites.
      project('browser', ['browser'], 180_000),
    ],
  },
});
