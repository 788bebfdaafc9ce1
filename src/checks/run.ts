/**
 * The checker core: run every rule of the registry over one article. The
 * build gate, the CLI, the dev server and the tests all call this.
 */
import siteConfig from '../config/checks.ts';
import { NOTICES } from '../schema/notices.ts';
import { closest } from '../schema/suggest.ts';
import type { Article } from './article.ts';
import { summarize } from './analyze.ts';
import { applyOverrides, resolveConfig, type Override, type ResolvedConfig } from './config.ts';
import { report, sortMessages } from './report.ts';
import { RULES, ruleById } from './rules/index.ts';
import type { Rule } from './rules/types.ts';
import type { CheckOptions, CheckResult } from './types.ts';

export type { CheckOptions, CheckResult, Coverage } from './types.ts';

/** The site's resolved config (the registry's defaults + src/config/checks.ts). */
export function siteChecks(): ReturnType<typeof resolveConfig> {
  return resolveConfig(siteConfig);
}

/** Run every rule over one parsed article. Messages land on `article.file`. */
export function checkArticle(article: Article, options: CheckOptions = {}): CheckResult {
  const site = options.config ? { config: options.config, overrides: options.siteOverrides ?? [] } : siteChecks();
  const { file, tree, source } = article;
  if (!tree) return { file, overrides: [] };
  const frontmatter = source.validated();
  for (const problem of frontmatter.problems) {
    if (!problem.inSources) report(file, 'error', NOTICES.frontmatter.id, problem.place, problem.message, problem.hint);
  }
  const { config, overrides } = articleOverrides(article, site.config);
  const body = summarize(tree, source.text, source.place);
  const now = options.now ?? new Date();
  for (const rule of RULES) {
    const severity = config.rules[rule.id];
    if (!severity || severity === 'off') continue;
    // Without readable frontmatter every citation would look unknown: report the frontmatter only.
    if (source.data === undefined && (rule as Rule).readsSources) continue;
    rule.check({
      article,
      body,
      frontmatter,
      config,
      now,
      report: (place, message, hint, atMost) => void report(file, atMost ?? severity, rule.id, place, message, hint),
    });
  }
  sortMessages(file);
  const claims = body.claims.length;
  return {
    file,
    coverage: { claims, cited: body.claims.filter((c) => c.cited).length, sources: frontmatter.sources.length },
    overrides: [...site.overrides, ...overrides],
  };
}

/** The article's own `checks:` settings: applied when allowed, reported when unknown or refused, printed always. */
function articleOverrides(article: Article, base: ResolvedConfig): { config: ResolvedConfig; overrides: Override[] } {
  const raw = (article.source.data as { checks?: unknown } | undefined)?.checks;
  if (raw === undefined || raw === null || typeof raw !== 'object') return { config: base, overrides: [] };
  const located = article.source.yaml();
  const node = located?.doc.get('checks', true) as { range?: [number, number] } | undefined;
  const place = node?.range && located ? located.place(node.range[0]) : { line: 1, column: 1 };
  const result = applyOverrides(base, raw as Record<string, 'off' | 'warning' | 'error'>, 'article');
  const { file } = article;
  for (const name of result.unknown) {
    const suggestion = closest(name, RULES.map((r) => r.id));
    report(file, 'error', NOTICES.frontmatter.id, place, `\`checks\` names an unknown rule \`${name}\``, suggestion ? `did you mean \`${suggestion}\`?` : `rules: ${RULES.map((r) => r.id).join(', ')}`);
  }
  for (const { rule, to } of result.refused) {
    const why = ruleById(rule).fixed ? 'this rule always applies' : 'errors about citations apply to every article (only warnings can be changed here)';
    report(file, 'error', NOTICES.frontmatter.id, place, `An article cannot set \`${rule}\` to \`${to}\``, `remove it from \`checks\`: ${why}`);
  }
  for (const o of result.overrides) report(file, 'info', NOTICES.override.id, place, `Rule \`${o.rule}\` is set to \`${o.to}\` in this article (site setting: \`${o.from}\`)`);
  return result;
}
