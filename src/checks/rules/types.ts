/** The shape every rule shares. */
import type { Article } from '../article.ts';
import type { BodySummary } from '../analyze.ts';
import type { ResolvedConfig } from '../config.ts';
import type { Frontmatter } from '../frontmatter.ts';
import type { Place } from '../report.ts';

/** What a rule reads, and its one way to report. */
export interface RuleContext {
  article: Article;
  body: BodySummary;
  frontmatter: Frontmatter;
  config: ResolvedConfig;
  /** "Today" for date checks; injectable so tests are stable. */
  now: Date;
  /**
   * Report a problem at the rule's configured severity. `atMost: 'warning'`
   * caps it (a rule whose lesser finding is only ever a warning).
   */
  report: (place: Place, message: string, hint?: string, atMost?: 'warning') => void;
}

/** A rule: a small pure function over the article summary. */
export type Rule = (context: RuleContext) => void;
