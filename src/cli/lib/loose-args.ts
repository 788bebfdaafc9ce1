/**
 * `npm run new` typed without `--`: npm keeps options it does not know for
 * itself, so `npm run new "Title" --slug x` runs new.ts with just "Title" and
 * "x" (npm sets `npm_config_slug=true` and warns). A title typed without
 * quotes arrives as several words too. Both are caught here, before anything
 * is written, with the command the writer meant.
 */

/** Options of `npm run new` that take a value, in the order the usage text lists them. */
const VALUE_OPTIONS = ['slug', 'author', 'source', 'to', 'archive-endpoint', 'timeout', 'dir', 'now'] as const;
/** Options that are switches. */
const SWITCHES = ['archive', 'fetch'] as const;

/** A plain message and the command to type instead. */
export interface LooseProblem {
  message: string;
  hint: string;
}

/** A word as it must be typed in a shell: quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `"${word.replace(/(["$`\\])/g, '\\$1')}"`;
}

/** A title as it must be typed: always in double quotes, so writers see the form to copy. */
const quoted = (title: string) => `"${title.replace(/(["$`\\])/g, '\\$1')}"`;

/** Options npm kept for itself in this run (only when run by `npm run new`), with their value when npm recorded one. */
export function swallowedOptions(env: NodeJS.ProcessEnv): Array<{ option: string; value?: string }> {
  if (env.npm_lifecycle_event !== 'new') return [];
  const found: Array<{ option: string; value?: string }> = [];
  for (const option of [...VALUE_OPTIONS, ...SWITCHES]) {
    const value = env[`npm_config_${option.replaceAll('-', '_')}`];
    if (value === undefined) continue;
    const isSwitch = (SWITCHES as readonly string[]).includes(option);
    // `--no-fetch` reaches npm as fetch=false (an empty string).
    const name = option === 'fetch' && value !== 'true' ? 'no-fetch' : option;
    found.push(isSwitch || value === 'true' ? { option: name } : { option: name, value });
  }
  return found;
}

/**
 * What is wrong with the command's loose (non-option) arguments, or
 * undefined when they are fine: at most one, a title, when creating an explainer.
 */
export function looseArguments(positionals: string[], env: NodeJS.ProcessEnv, addingSources: boolean): LooseProblem | undefined {
  const swallowed = swallowedOptions(env);
  if (swallowed.length > 0) {
    const words = [...positionals];
    // Pair options npm left without a value with the leftover words, in the usual order.
    const needValues = swallowed.filter((s) => s.value === undefined && (VALUE_OPTIONS as readonly string[]).includes(s.option));
    const sourceFirst = swallowed.some((s) => s.option === 'source') && words.length > 0 && /^https?:\/\//i.test(words[0]!);
    const title = sourceFirst ? undefined : words.shift();
    const exact = needValues.length === words.length;
    const parts = swallowed.map(({ option, value }) => {
      const given = value ?? (exact && (VALUE_OPTIONS as readonly string[]).includes(option) ? words.shift() : undefined);
      const needs = (VALUE_OPTIONS as readonly string[]).includes(option);
      return needs ? `--${option} ${given !== undefined ? shellWord(given) : `<${option}>`}` : `--${option}`;
    });
    const names = swallowed.map((s) => `--${s.option}`).join(', ');
    return {
      message: `npm kept ${names} for itself, so this command never saw ${swallowed.length > 1 ? 'them' : 'it'}; nothing was written.\nType -- right after \`npm run new\`, then the rest as before:`,
      hint: ['npm run new --', ...(title !== undefined ? [quoted(title)] : []), ...parts, ...(exact ? [] : words.map(shellWord))].join(' '),
    };
  }
  if (positionals.length > 1) {
    const title = positionals.join(' ');
    return addingSources
      ? { message: `got ${positionals.length} loose words besides --source; nothing was written.\nEach address goes after its own --source:`, hint: `npm run new -- --source <address> --source <another address> --to <explainer>` }
      : {
          message: `the title arrived as ${positionals.length} separate words; nothing was written.\nPut the title in quotes, and type -- after \`npm run new\` when you add options such as --slug:`,
          hint: `npm run new -- ${quoted(title)}`,
        };
  }
  if (!addingSources && positionals.length === 1 && /^https?:\/\//i.test(positionals[0]!)) {
    return { message: 'that is a web address, not a title; nothing was written.\nTo add it as a source of an explainer:', hint: `npm run new -- --source ${shellWord(positionals[0]!)} --to <explainer>` };
  }
  return undefined;
}
