/**
 * A fast-check arbitrary for explainer bodies: realistic but nasty Markdown
 * (MDX) built from a small grammar, for the differential test that holds the
 * checker, the renderer and the published-page gate to one reading
 * (./readers-agree.test.ts).
 *
 * Every value is a string; fast-check shrinks the structure underneath (the
 * lists of blocks, atoms and items), and the test then cuts lines and words.
 * The frontmatter is fixed by the test: sources `a`, `b` and `c`. Not generated
 * on purpose: raw HTML, footnotes, reference definitions and imports (refused
 * by the checker's dialect rule), and the two differences explained below.
 */
import fc from 'fast-check';

/** The source ids every generated document may cite. */
export const SOURCE_IDS = ['a', 'b', 'c'] as const;

/** The descriptions of the generated images (which the test must tell from text). */
export const IMAGE_ALTS = ['a chart', 'a map'] as const;

/**
 * Plain words, including what smart punctuation, entities and escapes touch
 * (`\[@a]` is still a citation to every reader: its text value is `[@a]`).
 * No `{`, `<` or `|` here: MDX refuses a bare `{`/`<` (both readers throw, so
 * such documents test nothing), and `|` belongs to tables (generated below).
 */
const word = fc.constantFrom(
  'talks', 'Kyiv', 'ceasefire', 'the', 'draft', 'troops', '800,000', '20%', '€5bn', '2025',
  '"quoted"', "it's", '--', '...', 'e.g.', 'AT&amp;T', '&#91;note&#93;', '&copy;', '\\*literal\\*', '\\[@a]', 'café', '✓', '*', '_',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

/**
 * Well-formed citations of known sources only. An unknown id renders as a
 * visible gap and no marker, so the page gate must call that block uncited
 * while the checker counts it cited; the checker's `unknown-source` error stops
 * the build first, so that difference is by design and not generated.
 */
const citation = fc.constantFrom('[@a]', '[@b]', '[@c]', '[@a; @b, p. 4]', '[@c, pp. 3-5]', '[@b; @a]', '[@a, ch. 2]');

/** One inline piece: the constructs a paragraph, an item or a cell is made of. */
const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: words },
  words.map((w) => `*${w}*`),
  words.map((w) => `_${w}_`),
  words.map((w) => `**${w}**`),
  words.map((w) => `~~${w}~~`),
  fc.constantFrom('`x = 1`', '`[@a]`', '`` a ` b ``'),
  words.map((w) => `[${w}](https://example.test/page)`),
  // A citation inside a link stays text on the page and counts for neither reader.
  words.map((w) => `[${w} [@a]](https://example.test/r)`),
  // Citations AFTER a link do count.
  fc.tuple(words, citation).map(([w, c]) => `[${w}](https://example.test/r) ${c}`),
  fc.constantFrom('https://example.test/x', 'www.example.org', 'https://example.test/a_(b)', 'mail@example.org'),
  fc.constantFrom('![a chart](/x.png)', '{/* note */}', '<abbr title="North Atlantic">NATO</abbr>', 'H<sub>2</sub>O', '<br />'),
);

/** A line of inline content; citations land anywhere in it, or nowhere. */
const line: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: atom }, { weight: 2, arbitrary: citation }), { minLength: 1, maxLength: 5 }),
    fc.constantFrom(' ', ' ', ' ', '  ', '\t'),
    fc.constantFrom('', '.', '', ' ', '  '),
  )
  .map(([parts, gap, end]) => parts.join(gap) + end);

/** Lines of one paragraph: soft breaks, hard breaks (two spaces, backslash). */
const paragraph: fc.Arbitrary<string> = fc
  .tuple(line, fc.array(fc.tuple(fc.constantFrom('\n', '\n', '  \n', '\\\n', ' '), line), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([sep, l]) => sep + l).join(''));

/**
 * Prefix every line of `text` (a container's content); `lazy` leaves later lines bare.
 * Known, accepted difference: a lazy line inside a multi-line `{/* … *\/}` is an
 * error to remark-mdx ("Unexpected lazy line in expression") while Sätteri reads
 * it. The checker refusing the file stops the build with a message at that line,
 * so nothing unchecked is published; such lines are never made lazy here.
 */
function indent(text: string, first: string, rest: string, lazy = false): string {
  lazy &&= !text.includes('{/*\n');
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? first + l : l.trim() === '' || lazy ? l : rest + l))
    .join('\n');
}

const table = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom(':--', '---', ':-:', '--:'),
    fc.boolean(),
    fc.array(fc.array(fc.oneof(words, fc.tuple(words, citation).map(([w, c]) => `${w} ${c}`), fc.constant('a \\| b'), fc.constant('')), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  )
  .map(([columns, align, pipes, rows]) => {
    const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const head = row(['Who', 'What', 'When'].slice(0, columns));
    const rule = row(Array.from({ length: columns }, () => align));
    return [head, rule, ...rows.map((cells) => row(cells.slice(0, columns)))].join('\n');
  });

const code = fc.oneof(
  fc.constantFrom('```\nconst x = "[@a]";\n```', '~~~md\n[@b] <Analysis> {x}\n~~~', '```js\n\n  indented\n```'),
  // MDX turns indented code off: these are paragraphs to both readers (one cited, one not).
  fc.constantFrom('    let x = 1 [@a]', '    indented words'),
);

const leaf = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  fc.tuple(fc.integer({ min: 1, max: 4 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  fc.tuple(line, fc.constantFrom('===', '---')).map(([l, u]) => `${l}\n${u}`),
  fc.constantFrom('---', '***', '___', ' - - -'),
  table,
  code,
  fc.constantFrom('{/* a comment */}', '{/*\n  a longer comment [@a]\n*/}'),
  // An image then its caption line: one paragraph that needs a citation.
  line.map((l) => `![a chart](/x.png)\n${l}`),
  line.map((l) => `<figure>\n![a map](/m.png)\n<figcaption>${l}</figcaption>\n</figure>`),
);

/** Blocks, nested: lists and quotes hold blocks, Analysis holds paragraphs and lists. */
const { block } = fc.letrec<{ block: string; list: string; quote: string; analysis: string }>((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 6, arbitrary: leaf }, tie('list'), tie('quote'), tie('analysis')),
  list: fc
    .tuple(
      fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '-   '),
      fc.boolean(),
      fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: paragraph }, tie('block')), fc.option(tie('list'), { freq: 4 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
    )
    .map(([marker, loose, items]) =>
      items
        .map(([content, sub, lazy], i) => {
          const m = /\d/.test(marker) ? marker.replace('1', String(i + 1)) : marker;
          const pad = ' '.repeat(m.length);
          const own = indent(content, m, pad, lazy);
          return sub === null ? own : `${own}\n${loose ? '\n' : ''}${indent(sub, pad, pad)}`;
        })
        .join(loose ? '\n\n' : '\n'),
    ),
  quote: fc
    .tuple(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), fc.boolean())
    .map(([blocks, lazy]) => indent(blocks.join('\n\n').replace(/\n\n/g, '\n>\n'), '> ', '> ', lazy)),
  analysis: fc.oneof(
    fc.array(fc.oneof(paragraph, tie('list')), { minLength: 1, maxLength: 2 }).map((ps) => `<Analysis>\n${ps.join('\n\n')}\n</Analysis>`),
    line.map((l) => `<Analysis>${l}</Analysis>`),
    paragraph.map((p) => `<Analysis>\n  ${p.replace(/\n/g, '\n  ')}\n</Analysis>`),
  ),
}));

/** Odd whitespace before a block (0-3 spaces, a tab) and after it (trailing spaces). */
const before = fc.constantFrom('', '', '', ' ', '  ', '   ', '\t');
const after = fc.constantFrom('', '', '', '  ', ' \t');

/** What comes before a block: mostly a blank line, sometimes one with spaces, sometimes a single newline. */
const join = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n   \n', '\n\t\n', '\n');

/** An explainer body: blocks joined by blank lines (or not), ending in a newline. */
export function explainerBody(): fc.Arbitrary<string> {
  return fc.array(fc.tuple(join, before, block, after), { minLength: 1, maxLength: 6 }).map((blocks) =>
    blocks
      .map(([sep, lead, b, trail], i) => {
        // The accepted difference of `indent` above: a multi-line comment is never
        // glued to the block before it or shifted by a stray indent, either of which
        // would leave its later lines lazy.
        const whole = b.includes('{/*\n');
        return (i === 0 ? '' : whole ? '\n\n' : sep) + (whole ? '' : lead) + b + trail;
      })
      .join('') + '\n',
  );
}
