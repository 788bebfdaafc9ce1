/** Every rule, by id. Adding a rule means adding it here and to RULE_DEFAULTS. */
import type { RuleId } from '../config.ts';
import { emptyAnalysis } from './analysis.ts';
import { malformedCitation, unknownSource, unusedSource } from './citations.ts';
import { uncitedClaim, uncitedSpecific } from './claims.ts';
import { dialect } from './dialect.ts';
import { duplicateSource, invalidSource } from './sources.ts';
import type { Rule } from './types.ts';

/** The rule registry. */
export const RULES: Record<RuleId, Rule> = {
  'uncited-claim': uncitedClaim,
  'unknown-source': unknownSource,
  'unused-source': unusedSource,
  'duplicate-source': duplicateSource,
  'malformed-citation': malformedCitation,
  'invalid-source': invalidSource,
  'uncited-specific': uncitedSpecific,
  'empty-analysis': emptyAnalysis,
  dialect,
};
