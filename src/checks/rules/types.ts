/** The shape every rule shares, and how a rule is declared. */
import type { Place } from '../../schema/place.ts';
import type { Validation } from '../../schema/validate.ts';
import type { Article } from '../article.ts';
import type { BodySummary } from '../analyze.ts';

/** What a rule may be set to. */
export type RuleSeverity = 'off' | 'warning' | 'error';

/** Settings after defaults and overrides are applied. */
export interface ResolvedConfig {
  rules: Record<string, RuleSeverity>;
  /** Warn (`empty-analysis`) when more than this share of an article's words is Analysis. */
  maxAnalysisShare: number;
}

/** What a rule reads, and its one way to report. */
export interface RuleContext {
  article: Article;
  body: BodySummary;
  frontmatter: Validation;
  config: ResolvedConfig;
  /** "Today" for date checks; injectable so tests are stable. */
  now: Date;
  /**
   * Report a problem at the rule's configured severity. `atMost: 'warning'`
   * caps it (a rule whose lesser finding is only ever a warning).
   */
  report: (place: Place, message: string, hint?: string, atMost?: 'warning') => void;
}

/**
 * A rule, declared once: everything else (the default severities, what
 * `checks:` may change, the fixture list, the README table, SARIF's rule
 * list, the dev overlay) is derived from these declarations.
 */
export interface Rule {
  /** The id reports and `checks:` use, e.g. `uncited-claim`. */
  id: string;
  severity: 'error' | 'warning';
  /** No setting can change it (site or article). */
  fixed?: boolean;
  /** It compares citations with the frontmatter's sources: skipped when the frontmatter cannot be read. */
  readsSources?: boolean;
  /** What it means, in one line. */
  docs: string;
  /** The usual fix, in one line (messages carry a fix of their own, more precise). */
  hint: string;
  /** A small pure function over the article summary. */
  check: (context: RuleContext) => void;
}

/** Declare a rule (keeps its id a literal type, so the registry knows every id). */
export const defineRule = <const R extends Rule>(rule: R): R => rule;
