/**
 * The set-up every browser suite shares: build a fixture site once, serve it
 * over HTTP on 127.0.0.1 and open Chromium; both closed after the suite.
 * Call inside a `describe`.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildSite, fixture } from './site.ts';
import { serveDir, type StaticServer } from './static-server.ts';

/** A built site in a browser: its address, the browser, and the built folder. */
export interface SiteInBrowser {
  readonly url: string;
  readonly browser: Browser;
  readonly outDir: string;
}

/** How to build: extra environment for the build, and a step that adds to the output before serving. */
export interface SiteOptions {
  readonly env?: Record<string, string>;
  readonly prepare?: (outDir: string) => Promise<void>;
}

/** Build `tests/fixtures/<name>`, let `prepare` add to the output, serve it and launch Chromium. */
export function siteInBrowser(name: string, { env, prepare }: SiteOptions = {}): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let outDir = '';
  beforeAll(async () => {
    const build = await buildSite(fixture(name), env);
    expect(build.ok, build.output).toBe(true);
    outDir = build.outDir;
    await prepare?.(outDir);
    server = await serveDir(outDir);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
    get outDir() {
      return outDir;
    },
  };
}
