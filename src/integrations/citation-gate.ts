/**
 * citationGate: the citation checks as part of Astro.
 *
 * - `astro build`: every explainer is checked while Astro bundles (the
 *   checker's worker threads parse with remark beside Sätteri's render
 *   compile), and the build waits for the result at the end of bundling,
 *   before any page renders. On any error it stops, having printed every
 *   message in every file.
 * - `astro dev`: each explainer is checked when Vite loads it (./dev-check.ts).
 */
import { resolve } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { checkWithCache } from '../checks/cache.ts';
import { precheckFrontmatter } from '../checks/frontmatter-precheck.ts';
import { checkFiles, explainerFileProblems, findArticles } from '../checks/files.ts';
import type { CheckResult } from '../checks/types.ts';
import { devCheck, overlayWithoutEmptyStack } from './dev-check.ts';
import { stopBuild } from './stop.ts';

/** The report's last line when the build stops. */
const NEXT = 'Next: fix the errors above (each line says where and how), then build again; `npm run check` shows the same list faster. Nothing was published: the site in the output folder was left as it was.';

/** Options for the gate. */
export interface CitationGateOptions {
  /** Folder of explainers, relative to the project root. */
  contentDir: string;
}

/** The Astro integration. */
export function citationGate({ contentDir }: CitationGateOptions): AstroIntegration {
  return {
    name: 'citation-gate',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const dir = resolve(config.root.pathname, contentDir);
        if (command === 'dev') updateConfig({ vite: { plugins: [devCheck(dir), overlayWithoutEmptyStack()] } });
        if (command !== 'build') return;
        const started = performance.now();
        const files = await findArticles([dir]);
        // Links and names Astro would publish differently from what the checks read.
        const fileProblems = await explainerFileProblems(dir);
        // Astro stops at the first file whose frontmatter fails the schema while it syncs
        // content, and Sätteri crashes on input nested too deep: check everything now
        // (a quick pass finds out) and print the full report before Astro reads a file.
        const precheck = await precheckFrontmatter(files);
        if (precheck.broken.length > 0 || fileProblems.length > 0) {
          const results = [...fileProblems, ...(await checkFiles(files, {}, process.cwd()))];
          const ms = Math.round(performance.now() - started);
          report(results, `${ms} ms (the build waited ${ms} ms)`, logger);
        }
        // Started now, awaited at the end of bundling: the check runs while Astro bundles.
        // Files unchanged since the last check or build reuse their result (src/checks/cache.ts).
        const checked = checkWithCache(files, (missing) => checkFiles(missing, {}, process.cwd(), { background: true })).then((outcome) => ({ ...outcome, ms: performance.now() - started }));
        // Never an unhandled rejection while bundling goes on; settle() rethrows it.
        checked.catch(() => undefined);
        let outcome: Promise<void> | undefined;
        const settle = () =>
          (outcome ??= (async () => {
            const waitedFrom = performance.now();
            const { results, stats, ms } = await checked.catch((cause: unknown) => {
              throw new Error('Failed to run the citation check.', { cause });
            });
            const waited = Math.round(performance.now() - waitedFrom);
            const reused = stats.reused > 0 ? `; ${stats.reused} unchanged since the last check, their results reused` : '';
            report(results, `${Math.round(ms)} ms (beside bundling; the build waited ${waited} ms${reused})`, logger);
          })());
        updateConfig({ vite: { plugins: [gateBeforeRender(settle)] } });
      },
    },
  };
}

/** Print the build's report; end the build (./stop.ts) when it holds an error. */
function report(results: CheckResult[], timing: string, logger: AstroIntegrationLogger): void {
  const total = totals(results);
  logger.info(`${results.length} explainers checked in ${timing}: ${summaryLine(total)}`);
  if (total.errors > 0) stopBuild(formatText(results, { coverage: false, next: NEXT }));
  // Warnings, and every rule setting an article or the site changed, are printed too.
  if (results.some(({ file, overrides }) => file.messages.length > 0 || overrides.length > 0)) console.warn(`\n${formatText(results, { coverage: false })}\n`);
}

/**
 * Vite plugin: wait for the check at the end of the first bundling pass, before Astro renders
 * any page. If bundling itself failed (an MDX syntax error stops Astro at the first broken
 * file), the full report replaces that single error.
 */
function gateBeforeRender(settle: () => Promise<void>): Plugin {
  return {
    name: 'citation-gate:build',
    // Only the production bundling: Astro's content sync runs Vite in serve mode first.
    apply: 'build',
    // With an error (bundling failed), settle() ends the build with the full report if it holds
    // errors; otherwise it returns and Vite reports the original error.
    async buildEnd() {
      await settle();
    },
  };
}
