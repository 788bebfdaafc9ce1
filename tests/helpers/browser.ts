/**
 * Headless Chromium for browser tests, from Debian's package (never downloaded).
 * In CI a missing browser fails the run; locally the tests are reported as not run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where skipped browser tests leave their reason for the summary reporter. */
export const SKIP_NOTE = join(tmpdir(), 'explainers-browser-tests-not-run.txt');

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH} (install it: apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`Browser tests must run in CI, but there is ${reason}.`);
  console.warn(`\n*** BROWSER TESTS NOT RUN: ${reason} ***\n`);
  writeFileSync(SKIP_NOTE, reason);
  return reason;
}

/** Launch headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
