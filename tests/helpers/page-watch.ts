/**
 * Watches a page for what readers would suffer silently: console errors,
 * uncaught exceptions and Content-Security-Policy violations.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Problems seen so far on pages of a context. */
export interface Watch {
  errors: string[];
  csp: string[];
}

/**
 * Record console errors, page errors and `securitypolicyviolation` events on
 * every page of `context`. The listener is installed through the DevTools
 * protocol (an init script), which the page's CSP does not govern.
 */
export async function watchContext(context: BrowserContext): Promise<Watch> {
  const watch: Watch = { errors: [], csp: [] };
  await context.exposeBinding('__reportCsp', (_source, text: string) => void watch.csp.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const attach = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') watch.errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watch.errors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  return watch;
}
