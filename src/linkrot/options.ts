/**
 * Defaults and command-line options of `npm run linkrot`. Parsing is pure so
 * every bad flag gets a clear message and a test.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ARCHIVE_ENDPOINT } from './archive.ts';
import { FORMATS, type Format } from './report.ts';
import type { RunOptions, Shard } from './run.ts';
import { DEFAULT_POLICY, DEFAULT_STATE_PATH } from './state.ts';

/** The site address used when SITE_URL is not set (as in astro.config.mjs). */
export const DEFAULT_SITE = 'https://explainers.example.org';

/** A clear User-Agent naming the site, so site owners know who is checking. */
export function userAgentFor(site: string): string {
  return `SourcedExplainersLinkCheck/1.0 (+${site}; checks that cited sources are still online)`;
}

/** Run options with every default filled in. */
export function defaultRunOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const site = env.SITE_URL ?? DEFAULT_SITE;
  return {
    contentDir: env.EXPLAINERS_DIR ?? 'content/explainers',
    statePath: env.LINKROT_STATE ?? DEFAULT_STATE_PATH,
    site,
    concurrency: 32,
    perHost: 2,
    minIntervalMs: 250,
    http: { timeoutMs: 15_000, userAgent: userAgentFor(site), maxRedirects: 10, maxBodyBytes: 5_000_000 },
    retry: { retries: 3, backoffBaseMs: 1000, backoffMaxMs: 30_000, maxRetryAfterMs: 120_000 },
    policy: { ...DEFAULT_POLICY },
    quotes: true,
    archive: { enabled: true, endpoint: env.LINKROT_ARCHIVE_ENDPOINT ?? DEFAULT_ARCHIVE_ENDPOINT },
    clock: () => new Date(),
  };
}

/** A mistake on the command line. */
export class UsageError extends Error {}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'run'; options: RunOptions; format: Format; quiet: boolean }
  | { kind: 'merge'; inputs: string[]; options: RunOptions; format: Format; quiet: boolean };

/** Usage text for `--help`. */
export const USAGE = `Usage: npm run linkrot -- [options]

Checks every source URL (and archived URL) in the explainers' frontmatter and
every external link in their text, remembers the results in a state file, and
reports sources that rotted. Exit code 1 when rotten or dead-on-arrival
sources exist.

  --content <dir>          explainers folder (default: content/explainers)
  --state <file>           history file (default: ${DEFAULT_STATE_PATH})
  --format <f>             text, json, markdown or github (default: text)
  --quiet                  no progress output
  --shard <i/n>            check only the i-th of n groups of hosts (CI matrix)
  --merge <file>           merge shard state files into --state and report (repeatable)
  --concurrency <n>        requests at once overall (default: 32)
  --per-host <n>           requests at once per host (default: 2)
  --min-interval <ms>      gap between request starts per host (default: 250)
  --timeout <ms>           time limit per request (default: 15000)
  --retries <n>            retries for 429, 5xx, timeouts, resets (default: 3)
  --backoff <ms>           first retry delay, doubling with jitter (default: 1000)
  --max-retry-after <ms>   longest Retry-After to wait for (default: 120000)
  --max-body <bytes>       most of a page read for quotes (default: 5000000)
  --user-agent <text>      User-Agent header
  --rotten-runs <n>        failing runs before "rotten" (default: 3)
  --rotten-days <n>        distinct days those runs must cover (default: 3)
  --no-quotes              do not look for quotes on the pages
  --no-archive             do not look up archived snapshots
  --archive-endpoint <url> Wayback-style availability API (default: ${DEFAULT_ARCHIVE_ENDPOINT})
  --site <url>             the site's own address; links to it are skipped
  --now <date>             pretend the run happens at this ISO date (testing, backfills)
  --help                   show this text`;

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}".`);
  return Number(value);
}

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
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        content: { type: 'string' }, state: { type: 'string' }, format: { type: 'string' }, quiet: { type: 'boolean' },
        shard: { type: 'string' }, merge: { type: 'string', multiple: true }, concurrency: { type: 'string' },
        'per-host': { type: 'string' }, 'min-interval': { type: 'string' }, timeout: { type: 'string' }, retries: { type: 'string' },
        backoff: { type: 'string' }, 'max-retry-after': { type: 'string' }, 'max-body': { type: 'string' }, 'user-agent': { type: 'string' },
        'rotten-runs': { type: 'string' }, 'rotten-days': { type: 'string' }, 'no-quotes': { type: 'boolean' }, 'no-archive': { type: 'boolean' },
        'archive-endpoint': { type: 'string' }, site: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  const str = (name: string) => values[name] as string | undefined;
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
  options.concurrency = integer('concurrency', str('concurrency'), 1) ?? options.concurrency;
  options.perHost = integer('per-host', str('per-host'), 1) ?? options.perHost;
  options.minIntervalMs = integer('min-interval', str('min-interval'), 0) ?? options.minIntervalMs;
  options.http.timeoutMs = integer('timeout', str('timeout'), 1) ?? options.http.timeoutMs;
  options.http.maxBodyBytes = integer('max-body', str('max-body'), 1024) ?? options.http.maxBodyBytes;
  options.retry.retries = integer('retries', str('retries'), 0) ?? options.retry.retries;
  options.retry.backoffBaseMs = integer('backoff', str('backoff'), 0) ?? options.retry.backoffBaseMs;
  options.retry.maxRetryAfterMs = integer('max-retry-after', str('max-retry-after'), 0) ?? options.retry.maxRetryAfterMs;
  options.policy.rottenRuns = integer('rotten-runs', str('rotten-runs'), 1) ?? options.policy.rottenRuns;
  options.policy.rottenDays = integer('rotten-days', str('rotten-days'), 1) ?? options.policy.rottenDays;
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
    options.clock = () => date;
  }
  const quiet = values.quiet === true;
  const merge = values.merge as string[] | undefined;
  if (merge) {
    if (options.shard) throw new UsageError('--merge combines shard results; do not pass --shard with it.');
    return { kind: 'merge', inputs: merge, options, format, quiet };
  }
  return { kind: 'run', options, format, quiet };
}
