/**
 * Severity of every rule, with site-wide and per-article overrides. The
 * defaults come from the rule registry; the site's own settings live in
 * src/config/checks.ts.
 */
import { isRuleId, RULES, ruleById, type RuleId } from './rules/index.ts';
import type { ResolvedConfig, RuleSeverity } from './rules/types.ts';

export type { ResolvedConfig, RuleSeverity } from './rules/types.ts';
export { isRuleId, type RuleId } from './rules/index.ts';

/** The site-wide checker settings (src/config/checks.ts). */
export interface ChecksConfig {
  /** Severity overrides per rule id; unlisted rules keep their default. */
  rules?: Partial<Record<string, RuleSeverity>>;
  /** Warn (`empty-analysis`) when more than this share of an article's words is Analysis. */
  maxAnalysisShare?: number;
}

/** An override that changed a rule's severity, kept so every report can list it. */
export interface Override {
  rule: RuleId;
  from: RuleSeverity;
  to: RuleSeverity;
  scope: 'site' | 'article';
}

/** An override that is not allowed, kept so it can be reported. */
export interface Refused {
  rule: RuleId;
  to: RuleSeverity;
}

/**
 * May this scope set `rule` to `to`? Fixed rules never change. Articles may
 * change warnings (and raise anything to an error) but never lower an error:
 * a rule about citations cannot be switched off by the article it judges.
 */
export function mayOverride(rule: RuleId, to: RuleSeverity, scope: Override['scope']): boolean {
  const { fixed, severity } = ruleById(rule);
  if (fixed) return false;
  return scope === 'site' || severity !== 'error' || to === 'error';
}

/** Apply overrides on top of `base`, recording each one that changes something, is unknown, or is refused. */
export function applyOverrides(base: ResolvedConfig, rules: Partial<Record<string, RuleSeverity>> | undefined, scope: Override['scope']) {
  const config: ResolvedConfig = { ...base, rules: { ...base.rules } };
  const overrides: Override[] = [];
  const unknown: string[] = [];
  const refused: Refused[] = [];
  for (const [name, to] of Object.entries(rules ?? {})) {
    if (!to) continue;
    if (!isRuleId(name)) unknown.push(name);
    else if (!mayOverride(name, to, scope)) refused.push({ rule: name, to });
    else {
      const from = config.rules[name]!;
      if (from !== to) overrides.push({ rule: name, from, to, scope });
      config.rules[name] = to;
    }
  }
  return { config, overrides, unknown, refused };
}

/** Resolve the site config: the registry's defaults plus site overrides. */
export function resolveConfig(site: ChecksConfig = {}): ReturnType<typeof applyOverrides> {
  const defaults: ResolvedConfig = { rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity])), maxAnalysisShare: 0.5 };
  const result = applyOverrides(defaults, site.rules, 'site');
  if (site.maxAnalysisShare !== undefined) result.config.maxAnalysisShare = site.maxAnalysisShare;
  return result;
}
