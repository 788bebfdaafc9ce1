/**
 * Headless Chromium for browser tests, from Debian's package (never downloaded).
 * In CI a missing browser fails the run; locally the tests are reported as not run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH} (install it: apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`Browser tests must run in CI, but there is ${reason}.`);
  console.warn(`\n*** BROWSER TESTS NOT RUN: ${reason} ***\n`);
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
