/**
 * Site-wide settings of the citation checks. Every change from a default
 * is printed at the top of each check report, so nobody silences a rule unnoticed.
 * An article can override a rule in its frontmatter: `checks: { uncited-specific: error }`.
 */
import { defineChecksConfig } from './checks/config.ts';

export default defineChecksConfig({
  rules: {
    // 'uncited-specific': 'error',
  },
  maxAnalysisShare: 0.5,
});
