/**
 * citationGate: the citation checks as part of Astro.
 *
 * - `astro build`: every explainer is checked while Astro bundles (the
 *   checker's worker threads parse with remark beside Sätteri's render
 *   compile), and the build waits for the result at the end of bundling,
 *   before any page renders. On any error it stops, having printed every
 *   message in every file.
 * - `astro dev`: each explainer is checked when Vite loads it, and errors
 *   appear in the browser overlay with file and line; fixing the file clears it.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { parseArticle } from '../checks/article.ts';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { checkWithCache } from '../checks/cache.ts';
import { severityOf } from '../checks/report.ts';
import { precheckFrontmatter } from '../checks/frontmatter-precheck.ts';
import { explainerFileProblems } from '../checks/files.ts';
import { checkArticle, checkFiles, findArticles, type CheckResult } from '../checks/run.ts';

/** Options for the gate. */
export interface CitationGateOptions {
  /** Folder of explainers, relative to the project root. */
  contentDir: string;
}

/** An error whose message is the whole report; the stack is of no use to a writer. */
class CitationCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationCheckError';
    this.stack = `${this.name}: ${message}`;
  }
}

/** The Astro integration. */
export function citationGate({ contentDir }: CitationGateOptions): AstroIntegration {
  return {
    name: 'citation-gate',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const dir = resolve(config.root.pathname, contentDir);
        if (command === 'dev') updateConfig({ vite: { plugins: [devCheck(dir)] } });
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

/** Print the build's report; throw (failing the build) when it holds an error. */
function report(results: CheckResult[], timing: string, logger: AstroIntegrationLogger): void {
  const total = totals(results);
  logger.info(`${results.length} explainers checked in ${timing}: ${summaryLine(total)}`);
  if (total.errors > 0) {
    console.error(`\n${formatText(results, { coverage: false })}\n`);
    throw new CitationCheckError(`Citation check failed: ${summaryLine(total)}. Fix them (or run \`npm run check\`) and build again.`);
  }
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
    // With an error (bundling failed), settle() throws the full report if it holds errors;
    // otherwise it returns and Vite reports the original error.
    async buildEnd() {
      await settle();
    },
  };
}

/** Vite plugin: check an explainer each time it is loaded, and fail the load on errors. */
function devCheck(dir: string): Plugin {
  return {
    name: 'citation-gate:dev',
    enforce: 'pre',
    transform(_code, id) {
      const path = id.split('?')[0] ?? id;
      if (!path.endsWith('.mdx') || !path.startsWith(dir + sep)) return null;
      const display = relative(process.cwd(), path);
      // Read the file as written: by now other plugins may have rewritten `code`.
      const { file } = checkArticle(parseArticle(display, readFileSync(path)));
      const errors = file.messages.filter((m) => severityOf(m) === 'error');
      if (errors.length === 0) return null;
      const first = errors[0]!;
      const list = errors.map((m) => `${display}:${m.line}:${m.column} ${m.reason} (${m.ruleId})${m.note ? `\n  fix: ${m.note}` : ''}`).join('\n');
      const error = new CitationCheckError(`Citation check: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${display}\n${list}`);
      Object.assign(error, { id: path, loc: { file: path, line: first.line, column: first.column }, hint: first.note });
      throw error;
    },
  };
}
