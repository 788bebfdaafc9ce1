/** JSX-only paragraphs are unravelled as MDX does, so the CLI sees what the build compiles. */
import { expect, it } from 'vitest';
import { parseArticle, parseMdx } from '../../src/checks/article.ts';
import { checkArticle } from '../../src/checks/run.ts';

const FRONTMATTER = `---
title: T
summary: S
published: 2025-11-20
authors: [Desk]
sources:
  - id: alpha
    title: Alpha report
    url: https://example.test/alpha
    publisher: Alpha Wire
---
`;

it('treats a one-line <Analysis> as analysis, not as an uncited paragraph', () => {
  const text = `${FRONTMATTER}\nCited [@alpha].\n\n<Analysis>Our reading: this matters.</Analysis>\n`;
  const { file } = checkArticle(parseArticle('one-line.mdx', text), { now: new Date('2026-01-01') });
  expect(file.messages.filter((m) => m.ruleId === 'uncited-claim')).toEqual([]);
});

it('turns JSX-only paragraphs into block elements and leaves mixed paragraphs alone', () => {
  const tree = parseMdx('<Analysis>Inline.</Analysis>\n\nText and <b>bold</b>.\n\n{1 + 1}\n');
  expect(tree.children.map((node) => node.type)).toEqual(['mdxJsxFlowElement', 'paragraph', 'mdxFlowExpression']);
});
