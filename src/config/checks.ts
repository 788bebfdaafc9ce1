/**
 * Site-wide settings of the citation checks. Every change from a default is
 * printed at the top of each check report, so nobody silences a rule
 * unnoticed; unknown rule ids and refused settings fail every check.
 * An article can change a warning in its frontmatter: `checks: { uncited-specific: error }`.
 * Plain data (no import from the checker), so configuration sits below the code it configures.
 */
export default {
  rules: {
    // 'uncited-specific': 'error',
  },
  maxAnalysisShare: 0.5,
} satisfies { rules: Record<string, 'off' | 'warning' | 'error'>; maxAnalysisShare: number };
