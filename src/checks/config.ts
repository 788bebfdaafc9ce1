/**
 * Severity of every rule, with site-wide and per-article overrides.
 * The site's own settings live in `src/checks.config.ts`.
 */

/** Every rule the checker knows, with its default severity. */
export const RULE_DEFAULTS = {
  'uncited-claim': 'error',
  'unknown-source': 'error',
  'unused-source': 'error',
  'duplicate-source': 'error',
  'malformed-citation': 'error',
  'invalid-source': 'error',
  'uncited-specific': 'warning',
  'empty-analysis': 'warning',
  dialect: 'error',
} as const satisfies Record<string, RuleSeverity>;

/**
 * Rules no setting can change: an explainer that runs code or hides text is
 * never published, whatever a config says.
 */
export const FIXED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['dialect']);

/**
 * May this scope set `rule` to `to`? Articles may change warnings (and raise
 * anything to an error) but never lower an error: a rule about citations cannot
 * be switched off by the article it judges.
 */
export function mayOverride(rule: RuleId, to: RuleSeverity, scope: Override['scope']): boolean {
  if (FIXED_RULES.has(rule)) return false;
  return scope === 'site' || RULE_DEFAULTS[rule] !== 'error' || to === 'error';
}

/** A rule's id. */
export type RuleId = keyof typeof RULE_DEFAULTS;
/** What a rule may be set to. */
export type RuleSeverity = 'off' | 'warning' | 'error';

/** The site-wide checker settings. */
export interface ChecksConfig {
  /** Severity overrides per rule; unlisted rules keep their default. */
  rules?: Partial<Record<RuleId, RuleSeverity>>;
  /** Warn (`empty-analysis`) when more than this share of an article's words is Analysis. */
  maxAnalysisShare?: number;
}

/** Settings after defaults are applied. */
export interface ResolvedConfig {
  rules: Record<RuleId, RuleSeverity>;
  maxAnalysisShare: number;
}

/** An override that changed a rule's severity, kept so the report can list it. */
export interface Override {
  rule: RuleId;
  from: RuleSeverity;
  to: RuleSeverity;
  scope: 'site' | 'article';
}

/** Identity helper that gives `src/checks.config.ts` type checking. */
export function defineChecksConfig(config: ChecksConfig): ChecksConfig {
  return config;
}

/** True when `name` is a rule id. */
export function isRuleId(name: string): name is RuleId {
  return Object.hasOwn(RULE_DEFAULTS, name);
}

/** Apply overrides on top of `base`, recording each one that changes something. */
export function applyOverrides(
  base: ResolvedConfig,
  rules: Partial<Record<string, RuleSeverity>> | undefined,
  scope: Override['scope'],
): { config: ResolvedConfig; overrides: Override[]; unknown: string[]; refused: Array<{ rule: RuleId; to: RuleSeverity }> } {
  const config: ResolvedConfig = { ...base, rules: { ...base.rules } };
  const overrides: Override[] = [];
  const unknown: string[] = [];
  const refused: Array<{ rule: RuleId; to: RuleSeverity }> = [];
  for (const [name, to] of Object.entries(rules ?? {})) {
    if (!to) continue;
    if (!isRuleId(name)) {
      unknown.push(name);
      continue;
    }
    if (!mayOverride(name, to, scope)) {
      refused.push({ rule: name, to });
      continue;
    }
    const from = config.rules[name];
    if (from !== to) overrides.push({ rule: name, from, to, scope });
    config.rules[name] = to;
  }
  return { config, overrides, unknown, refused };
}

/** Resolve the site config: defaults plus site overrides. */
export function resolveConfig(site: ChecksConfig = {}): ReturnType<typeof applyOverrides> {
  const defaults: ResolvedConfig = { rules: { ...RULE_DEFAULTS }, maxAnalysisShare: 0.5 };
  const result = applyOverrides(defaults, site.rules, 'site');
  if (site.maxAnalysisShare !== undefined) result.config.maxAnalysisShare = site.maxAnalysisShare;
  return result;
}
