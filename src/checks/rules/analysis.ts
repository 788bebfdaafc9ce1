/** `empty-analysis`: Analysis blocks must say something, and must not crowd out reporting. */
import { defineRule } from './types.ts';

/** Warn on an empty <Analysis> block, and on an article that is mostly analysis. */
export const emptyAnalysis = defineRule({
  id: 'empty-analysis',
  severity: 'warning',
  docs: 'an empty `<Analysis>` block, or an article that is mostly analysis (over 50%)',
  hint: 'add sourced reporting, or keep the interpretation short',
  check: ({ body, config, report }) => {
    for (const block of body.analyses) {
      if (block.words === 0) report(block.place, '<Analysis> block is empty', 'write the interpretation inside it, or remove the block');
    }
    const analysisWords = body.analyses.reduce((n, a) => n + a.words, 0);
    const first = body.analyses[0];
    if (first && body.words > 0 && analysisWords / body.words > config.maxAnalysisShare) {
      const share = Math.round((analysisWords / body.words) * 100);
      report(
        first.place,
        `Article is ${share}% analysis (limit ${Math.round(config.maxAnalysisShare * 100)}%)`,
        'add sourced reporting, or move interpretation into fewer <Analysis> blocks',
      );
    }
  },
});
