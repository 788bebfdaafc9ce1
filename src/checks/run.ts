/**
 * The checker core: one entry for one article, one for many files.
 * The build gate, the CLI, the dev server and the tests all call these.
 */
import type { VFile } from 'vfile';
import type { Article } from './article.ts';
import { summarize } from './analyze.ts';
import { applyOverrides, FIXED_RULES, isRuleId, resolveConfig, type Override, type ResolvedConfig, type RuleId } from './config.ts';
import { readFrontmatter } from './frontmatter.ts';
import { report } from './report.ts';
import { RULES } from './rules/index.ts';
import { closest } from './suggest.ts';
import siteConfig from '../checks.config.ts';

/** Rules that compare citations with the frontmatter sources. */
const SOURCE_RULES = new Set<RuleId>(['unknown-source', 'unused-source', 'duplicate-source', 'invalid-source']);

/** How much of an article is sourced. */
export interface Coverage {
  claims: number;
  cited: number;
  sources: number;
}

/** The outcome for one article. */
export interface CheckResult {
  file: VFile;
  coverage?: Coverage;
  /** Severity changes in force for this article (site and frontmatter). */
  overrides: Override[];
}

/** Options shared by every entry point. */
export interface CheckOptions {
  config?: ResolvedConfig;
  siteOverrides?: Override[];
  now?: Date;
}

/** The site's resolved config (defaults + src/checks.config.ts). */
export function siteChecks(): { config: ResolvedConfig; overrides: Override[]; unknown: string[] } {
  return resolveConfig(siteConfig);
}

/** Run every rule over one parsed article. Messages land on `article.file`. */
export function checkArticle(article: Article, options: CheckOptions = {}): CheckResult {
  const site = options.config ? { config: options.config, overrides: options.siteOverrides ?? [] } : siteChecks();
  const { file, tree } = article;
  if (!tree) return { file, overrides: [] };
  const frontmatter = readFrontmatter(article);
  for (const problem of frontmatter.problems) {
    if (problem.ruleId === 'invalid-frontmatter') report(file, 'error', problem.ruleId, problem.place, problem.message, problem.hint);
  }
  const { config, overrides } = articleOverrides(article, site.config);
  const body = summarize(tree, String(file.value));
  const now = options.now ?? new Date();
  for (const [ruleId, rule] of Object.entries(RULES) as Array<[RuleId, (typeof RULES)[RuleId]]>) {
    const severity = config.rules[ruleId];
    if (severity === 'off') continue;
    // Without readable frontmatter every citation would look unknown: report the frontmatter only.
    if (!article.yaml && SOURCE_RULES.has(ruleId)) continue;
    rule({
      article,
      body,
      frontmatter,
      config,
      now,
      report: (place, message, hint, atMost) => void report(file, atMost ?? severity, ruleId, place, message, hint),
    });
  }
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const claims = body.claims.length;
  return {
    file,
    coverage: { claims, cited: body.claims.filter((c) => c.cited).length, sources: frontmatter.sources.length },
    overrides: [...site.overrides, ...overrides],
  };
}

function articleOverrides(article: Article, base: ResolvedConfig) {
  const raw = (article.frontmatter as { checks?: unknown } | undefined)?.checks;
  if (raw === undefined || raw === null || typeof raw !== 'object') return { config: base, overrides: [] };
  const located = article.yaml?.();
  const node = located?.doc.get('checks', true) as { range?: [number, number] } | undefined;
  const place = node?.range && located ? located.place(node.range[0]) : { line: 1, column: 1 };
  const result = applyOverrides(base, raw as Record<string, 'off' | 'warning' | 'error'>, 'article');
  for (const name of result.unknown) {
    const suggestion = closest(name, Object.keys(RULES));
    report(article.file, 'error', 'invalid-frontmatter', place, `\`checks\` names an unknown rule \`${name}\``, suggestion ? `did you mean \`${suggestion}\`?` : `rules: ${Object.keys(RULES).join(', ')}`);
  }
  for (const { rule, to } of result.refused) {
    report(
      article.file,
      'error',
      'invalid-frontmatter',
      place,
      `An article cannot set \`${rule}\` to \`${to}\``,
      FIXED_RULES.has(rule) ? 'remove it from `checks`: this rule always applies' : `remove it from \`checks\`: errors about citations apply to every article (only warnings can be changed here)`,
    );
  }
  for (const o of result.overrides) {
    if (isRuleId(o.rule)) report(article.file, 'info', 'check-override', place, `Rule \`${o.rule}\` is set to \`${o.to}\` in this article (site setting: \`${o.from}\`)`);
  }
  return result;
}

export { checkFiles, findArticles } from './files.ts';
