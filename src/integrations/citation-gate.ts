/**
 * citationGate: the citation checks as part of Astro.
 *
 * - `astro build`: every explainer is checked before anything renders; on
 *   any error the build stops having printed every message in every file.
 * - `astro dev`: each explainer is checked when Vite loads it, and errors
 *   appear in the browser overlay with file and line; fixing the file clears it.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { parseArticle } from '../checks/article.ts';
import { formatText, summaryLine, totals } from '../checks/format.ts';
import { severityOf } from '../checks/report.ts';
import { checkArticle, checkFiles, findArticles } from '../checks/run.ts';

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
        const root = config.root.pathname;
        const dir = resolve(root, contentDir);
        if (command === 'build') {
          const started = performance.now();
          const results = await checkFiles(await findArticles([dir]), {}, process.cwd());
          const total = totals(results);
          const ms = Math.round(performance.now() - started);
          if (total.errors > 0) {
            console.error(`\n${formatText(results, { coverage: false })}\n`);
            throw new CitationCheckError(`Citation check failed: ${summaryLine(total)}. Fix them (or run \`npm run check\`) and build again.`);
          }
          if (total.warnings > 0) console.warn(`\n${formatText(results, { coverage: false })}\n`);
          logger.info(`${results.length} explainers checked in ${ms} ms: ${summaryLine(total)}`);
        }
        if (command === 'dev') updateConfig({ vite: { plugins: [devCheck(dir)] } });
      },
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
