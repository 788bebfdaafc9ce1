/**
 * Command-line options of `npm run linkrot`. The numbers, their defaults and
 * their help lines come from ./settings.ts; this file adds the other flags
 * and parses. Parsing is pure so every bad flag gets a clear message and a test.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { FORMATS, type Format } from './report.ts';
import type { RunOptions, Shard } from './run.ts';
import { SETTINGS, type SettingName } from './settings.ts';
import { setting, SETTINGS as ENV_SETTINGS } from '../config/env.ts';

/** A clear User-Agent naming the site, so site owners know who is checking. */
export function userAgentFor(site: string): string {
  return `SourcedExplainersLinkCheck/1.0 (+${site}; checks that cited sources are still online)`;
}

/** Run options with every default filled in. */
export function defaultRunOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const site = setting('siteUrl', env);
  const value = (name: SettingName) => SETTINGS[name].value;
  return {
    contentDir: setting('contentDir', env),
    statePath: setting('linkrotState', env),
    site,
    concurrency: value('concurrency'),
    perHost: value('perHost'),
    minIntervalMs: value('minIntervalMs'),
    http: { timeoutMs: value('timeoutMs'), userAgent: userAgentFor(site), maxRedirects: value('maxRedirects'), maxBodyBytes: value('maxBodyBytes') },
    retry: { retries: value('retries'), backoffBaseMs: value('backoffBaseMs'), backoffMaxMs: value('backoffMaxMs'), maxRetryAfterMs: value('maxRetryAfterMs') },
    policy: { rottenRuns: value('rottenRuns'), rottenDays: value('rottenDays') },
    quotes: true,
    archive: { enabled: true, endpoint: setting('archiveEndpoint', env) },
    date: () => new Date(),
  };
}

/** A mistake on the command line. */
export class UsageError extends Error {}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'run'; options: RunOptions; format: Format; quiet: boolean }
  | { kind: 'merge'; inputs: string[]; options: RunOptions; format: Format; quiet: boolean };

/** The flags that are not numbers, in `--help` order: name, what it takes, help line. */
const FLAGS: [name: string, arg: string | undefined, help: string][] = [
  ['content', 'dir', `explainers folder (default: ${ENV_SETTINGS.contentDir.default})`],
  ['state', 'file', `history file (default: ${ENV_SETTINGS.linkrotState.default})`],
  ['format', 'f', `${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)} (default: text)`],
  ['quiet', undefined, 'no progress output'],
  ['shard', 'i/n', 'check only the i-th of n groups of hosts (CI matrix)'],
  ['merge', 'file', 'merge shard state files into --state and report (repeatable)'],
  ['user-agent', 'text', 'User-Agent header (default: names the site)'],
  ['no-quotes', undefined, 'do not look for quotes on the pages'],
  ['no-archive', undefined, 'do not look up archived snapshots'],
  ['archive-endpoint', 'url', `Wayback-style availability API (default: ${ENV_SETTINGS.archiveEndpoint.default})`],
  ['site', 'url', "the site's own address; links to it are skipped"],
  ['now', 'date', 'pretend the run happens at this ISO date (testing, backfills)'],
  ['help', undefined, 'show this text'],
];

const helpLine = (flag: string, arg: string | undefined, help: string) => `  ${`--${flag}${arg ? ` <${arg}>` : ''}`.padEnd(25)} ${help}`;

/** Usage text for `--help`, generated from ./settings.ts and {@link FLAGS}. */
export const USAGE = [
  'Usage: npm run linkrot -- [options]',
  '',
  "Checks every source URL (and archived URL) in the explainers' frontmatter and",
  'every external link in their text, remembers the results in a state file, and',
  'reports sources that rotted. Exit code 1 when rotten or dead-on-arrival',
  'sources exist, 2 for bad options or a damaged state file.',
  '',
  ...FLAGS.slice(0, 6).map(([flag, arg, help]) => helpLine(flag, arg, help)),
  ...Object.values(SETTINGS).map((s) => helpLine(s.flag, s.arg, `${s.help} (default: ${s.value})`)),
  ...FLAGS.slice(6).map(([flag, arg, help]) => helpLine(flag, arg, help)),
].join('\n');

const PARSE_CONFIG: ParseArgsOptionsConfig = Object.fromEntries([
  ...FLAGS.map(([flag, arg]) => [flag, { type: arg ? 'string' : 'boolean', ...(flag === 'merge' ? { multiple: true } : {}), ...(flag === 'help' ? { short: 'h' } : {}) }]),
  ...Object.values(SETTINGS).map((s) => [s.flag, { type: 'string' }]),
]);

/** Parse `i/n`. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must look like 2/4 (shard 2 of 4, counting from 1), got "${value}".`);
  return { index, count };
}

/** Parse the command line (without `node` and the script). */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Command {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: PARSE_CONFIG }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  const str = (name: string) => values[name] as string | undefined;
  const number = (name: SettingName): number => {
    const { flag, min, value } = SETTINGS[name];
    const given = str(flag);
    if (given === undefined) return value;
    if (!/^\d+$/.test(given) || Number(given) < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, got "${given}".`);
    return Number(given);
  };
  const options = defaultRunOptions(env);
  const format = (str('format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}".`);
  if (str('content')) options.contentDir = str('content') as string;
  if (str('state')) options.statePath = str('state') as string;
  if (str('site')) {
    options.site = str('site') as string;
    options.http.userAgent = userAgentFor(options.site);
  }
  if (str('shard')) options.shard = parseShard(str('shard') as string);
  options.concurrency = number('concurrency');
  options.perHost = number('perHost');
  options.minIntervalMs = number('minIntervalMs');
  options.http = { ...options.http, timeoutMs: number('timeoutMs'), maxRedirects: number('maxRedirects'), maxBodyBytes: number('maxBodyBytes') };
  options.retry = { retries: number('retries'), backoffBaseMs: number('backoffBaseMs'), backoffMaxMs: number('backoffMaxMs'), maxRetryAfterMs: number('maxRetryAfterMs') };
  options.policy = { rottenRuns: number('rottenRuns'), rottenDays: number('rottenDays') };
  if (str('user-agent')) options.http.userAgent = str('user-agent') as string;
  if (values['no-quotes']) options.quotes = false;
  if (values['no-archive']) options.archive.enabled = false;
  const endpoint = str('archive-endpoint');
  if (endpoint) {
    if (!/^https?:\/\/[^/]/.test(endpoint)) throw new UsageError(`--archive-endpoint must be an http(s) URL, got "${endpoint}".`);
    options.archive.endpoint = endpoint;
  }
  const now = str('now');
  if (now !== undefined) {
    const date = new Date(now);
    if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO date such as 2025-11-26T06:00:00Z, got "${now}".`);
    options.date = () => date;
  }
  const quiet = values.quiet === true;
  const merge = values.merge as string[] | undefined;
  if (merge) {
    if (options.shard) throw new UsageError('--merge combines shard results; do not pass --shard with it.');
    return { kind: 'merge', inputs: merge, options, format, quiet };
  }
  return { kind: 'run', options, format, quiet };
}
