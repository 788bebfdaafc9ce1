/**
 * Messages that are not rules: problems with the file itself, refused before
 * or outside the rules, which no setting can switch off. Each id is declared
 * here once; the rules declare theirs in src/checks/rules/, the published-page
 * gate in src/published/rules.ts, and the README's tables are tested against all three.
 */

/** A message id with what it means, in one line for the README and code-scanning tools. */
export interface Notice {
  id: string;
  severity: 'error' | 'info';
  docs: string;
}

/** Every notice, by name. */
export const NOTICES = {
  encoding: { id: 'encoding', severity: 'error', docs: 'the file is not UTF-8 text' },
  emptyFile: { id: 'empty-file', severity: 'error', docs: 'the file is empty, or has nothing after its frontmatter' },
  frontmatter: {
    id: 'invalid-frontmatter',
    severity: 'error',
    docs: 'the frontmatter block: YAML, required fields, real dates, name lengths, where it ends, the `checks:` settings',
  },
  mdxSyntax: { id: 'mdx-syntax', severity: 'error', docs: 'the file cannot be read as MDX' },
  limits: { id: 'limits', severity: 'error', docs: 'input no parser should be asked to read (too large, nested too deep, invisible control characters), refused before parsing' },
  fileName: { id: 'file-name', severity: 'error', docs: 'a file in the explainers folder that is a link, has a name that is not its web address, or would not be published' },
  override: { id: 'check-override', severity: 'info', docs: 'a rule setting changed by the site or the article, printed in every report' },
} as const satisfies Record<string, Notice>;

/** A notice's id. */
export type NoticeId = (typeof NOTICES)[keyof typeof NOTICES]['id'];
