/**
 * remarkUnravelJsx: a paragraph that holds only JSX elements or expressions
 * (and whitespace) becomes those elements, as block content.
 *
 * MDX compilers do the same, so a one-line `<Analysis>…</Analysis>` renders
 * as a block, not as a paragraph. The checker applies it too, so the rules
 * see the structure the reader sees: a JSX-only line is not an uncited claim.
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';

const JSX_OR_EXPRESSION = new Set(['mdxJsxTextElement', 'mdxTextExpression']);

function onlyJsx(paragraph: Paragraph): boolean {
  let found = false;
  for (const child of paragraph.children) {
    if (JSX_OR_EXPRESSION.has(child.type)) found = true;
    else if (!(child.type === 'text' && /^[\t\n\f\r ]*$/.test(child.value))) return false; // HTML whitespace only
  }
  return found;
}

function unravel(parent: Parent): void {
  for (let index = 0; index < parent.children.length; index++) {
    const node = parent.children[index]!;
    if (node.type === 'paragraph' && onlyJsx(node)) {
      const blocks = node.children
        .filter((child) => !(child.type === 'text' && /^[\t\r\n ]+$/.test(child.value)))
        .map((child) => {
          if (child.type === 'mdxJsxTextElement') return { ...child, type: 'mdxJsxFlowElement' } as RootContent;
          if (child.type === 'mdxTextExpression') return { ...child, type: 'mdxFlowExpression' } as RootContent;
          return child as RootContent;
        });
      parent.children.splice(index, 1, ...(blocks as Parent['children']));
      index--; // Look at the first unravelled element again: it may hold paragraphs too.
      continue;
    }
    if ('children' in node) unravel(node as Parent);
  }
}

/** The unified plugin. */
export function remarkUnravelJsx() {
  return (tree: Root) => unravel(tree);
}
