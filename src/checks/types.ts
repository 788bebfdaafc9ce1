/** What a check produces, shared by every entry point (types only, so nothing imports in a circle). */
import type { VFile } from 'vfile';
import type { Override, ResolvedConfig } from './config.ts';

/** How much of an article is sourced. */
export interface Coverage {
  claims: number;
  cited: number;
  sources: number;
}

/** The outcome for one article. */
export interface CheckResult {
  file: VFile;
  coverage?: Coverage;
  /** Severity changes in force for this article (site and frontmatter). */
  overrides: Override[];
}

/** Options shared by every entry point. */
export interface CheckOptions {
  config?: ResolvedConfig;
  siteOverrides?: Override[];
  now?: Date;
}
