/**
 * citationGate: the citation checks as part of Astro.
 *
 * - `astro build`: every explainer is checked before anything renders; on
 *   any error the build stops having printed every message in every file.
 *   The rules run on the tree Astro's MDX compile parses anyway (through
 *   `remarkPlugin`, listed before remarkCitations), so the build parses each
 *   file once; the build fails at the end of bundling, before rendering.
 * - `astro dev`: each explainer is checked when Vite loads it, and errors
 *   appear in the browser overlay with file and line; fixing the file clears it.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Plugin } from 'vite';
import { articleFromTree, parseArticle } from '../checks/article.ts';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { severityOf } from '../checks/report.ts';
import { precheckFrontmatter, type Precheck } from '../checks/frontmatter-precheck.ts';
import { checkArticle, checkFiles, findArticles, siteChecks, type CheckResult } from '../checks/run.ts';

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

/** The integration, plus the remark plugin to list in the unified processor before remarkCitations. */
export type CitationGate = AstroIntegration & { remarkPlugin: () => (tree: Root, file: VFile) => void };

/** The Astro integration. */
export function citationGate({ contentDir }: CitationGateOptions): CitationGate {
  let dir = resolve(contentDir);
  /** Results from the MDX compile, by absolute path; set only during a build. */
  let seen: Map<string, CheckResult> | undefined;
  /** What the frontmatter pass read, reused so each file is read and its YAML loaded once. */
  let read: Precheck['read'] = new Map();
  let rulesMs = 0;
  let site: ReturnType<typeof siteChecks> | undefined;

  const remarkPlugin = () => (tree: Root, file: VFile) => {
    const path = file.path;
    if (!seen || !path?.endsWith('.mdx') || !path.startsWith(dir + sep)) return;
    const started = performance.now();
    try {
      const display = relative(process.cwd(), path);
      const known = read.get(path);
      const article = articleFromTree(display, known?.text ?? readFileSync(path, 'utf8'), tree, String(file.value), known?.data) ?? parseArticle(display, readFileSync(path));
      site ??= siteChecks();
      seen.set(path, checkArticle(article, { config: site.config, siteOverrides: site.overrides }));
    } catch {
      // Left unseen: the gate then checks this file on its own, which reports the problem.
    }
    rulesMs += performance.now() - started;
  };

  return {
    name: 'citation-gate',
    remarkPlugin,
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        dir = resolve(config.root.pathname, contentDir);
        if (command === 'dev') updateConfig({ vite: { plugins: [devCheck(dir)] } });
        if (command !== 'build') return;
        const files = await findArticles([dir]);
        // Astro stops at the first file whose frontmatter fails the schema while it syncs
        // content: check everything now (a quick pass finds out) and print the full report.
        const precheck = await precheckFrontmatter(files);
        read = precheck.read;
        if (precheck.broken.length > 0) {
          const started = performance.now();
          const results = await checkFiles(files, {}, process.cwd());
          const ms = Math.round(performance.now() - started);
          report(results, `${ms} ms (the build waited ${ms} ms)`, logger);
        }
        const collected = new Map<string, CheckResult>();
        seen = collected;
        let outcome: Promise<void> | undefined;
        // Every explainer should have passed through the MDX compile by the end of bundling.
        // Any that did not (it failed to compile, say) is checked on its own, so the report
        // is always complete and names every problem in every file.
        const settle = () =>
          (outcome ??= (async () => {
            const started = performance.now();
            const unseen = files.filter((path) => !collected.has(path));
            const direct = unseen.length > 0 ? await checkFiles(unseen, {}, process.cwd()) : [];
            unseen.forEach((path, index) => collected.set(path, direct[index]!));
            const waited = Math.round(performance.now() - started);
            const ms = Math.round(rulesMs) + waited;
            const how = `${files.length - unseen.length} during Astro's MDX compile, ${unseen.length} on their own`;
            report(files.map((path) => collected.get(path)!), `${ms} ms (${how}; the build waited ${waited} ms)`, logger);
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
  if (total.warnings > 0) console.warn(`\n${formatText(results, { coverage: false })}\n`);
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
