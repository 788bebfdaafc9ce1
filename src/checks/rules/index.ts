/**
 * The rule registry: every rule, declared once in its own file (id, default
 * severity, one line of docs, the usual fix, the check). Adding a rule means
 * adding its declaration here; defaults, `checks:` validation, reports, SARIF,
 * the fixture test and the README test all read this list.
 */
import { emptyAnalysis } from './analysis.ts';
import { malformedCitation, unknownSource, unusedSource } from './citations.ts';
import { uncitedClaim, uncitedSpecific } from './claims.ts';
import { dialect } from './dialect.ts';
import { citationPlacement } from './placement.ts';
import { duplicateSource, invalidSource } from './sources.ts';
import { unfinished } from './unfinished.ts';
import type { Rule } from './types.ts';

/** Every rule, in the order reports and the README list them. */
export const RULES = [uncitedClaim, unknownSource, unusedSource, duplicateSource, malformedCitation, invalidSource, dialect, unfinished, uncitedSpecific, citationPlacement, emptyAnalysis] as const satisfies readonly Rule[];

/** A rule's id. */
export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** True when `name` is a rule id. */
export function isRuleId(name: string): name is RuleId {
  return BY_ID.has(name);
}

/** The rule with this id. */
export function ruleById(id: RuleId): Rule {
  return BY_ID.get(id)!;
}
