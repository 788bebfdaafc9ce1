/**
 * One link-rot run: collect the cited URLs, check this shard's share of them
 * politely, update each URL's history, look for quotes and archive
 * snapshots, and save the state atomically.
 */
import PQueue from 'p-queue';
import { findSnapshot } from './archive.ts';
import { checkUrl, type RetryOptions } from './check.ts';
import { LINK_CLASSES, networkLooksDown, type LinkClass, type Verdict } from './classify.ts';
import { systemClock, type Clock } from './clock.ts';
import { collectTargets, type Citation, type Target } from './extract.ts';
import type { HttpOptions } from './http.ts';
import { interleaveByHost, shardOfHost } from './plan.ts';
import { checkQuote } from './quote.ts';
import { hostKey, HostScheduler } from './scheduler.ts';
import type { LinkrotState, Problem, QuoteCheck, UrlRecord } from './state-file.ts';
import { loadState, problemOf, recordVerdict, writeStateAtomic, type RotPolicy } from './state.ts';

/** Which part of the URL set a job checks: hosts are split into `count` groups. */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Everything a run needs; see {@link defaultRunOptions}. */
export interface RunOptions {
  contentDir: string;
  statePath: string;
  /** The site's own address: body links to it are internal and skipped. */
  site?: string;
  shard?: Shard;
  concurrency: number;
  perHost: number;
  minIntervalMs: number;
  http: HttpOptions;
  retry: RetryOptions;
  policy: RotPolicy;
  quotes: boolean;
  archive: { enabled: boolean; endpoint: string };
  /** The run's date (for the history); injectable so tests can simulate days. */
  date: () => Date;
  /** Time for politeness gaps, pauses and retry waits (default: real time). */
  clock?: Clock;
  /** The scheduler to run requests on (default: one built from the limits above on `clock`); tests watch its requests in flight. */
  scheduler?: HostScheduler;
  /** Save the state (default true). */
  write?: boolean;
  onProgress?: (progress: Progress) => void;
  random?: () => number;
}

/** Live counts while a run is under way. */
export interface Progress {
  checked: number;
  total: number;
  counts: Record<LinkClass, number>;
  elapsedMs: number;
}

/** One checked URL, who cites it and what it needs. */
export interface Finding {
  target: Target;
  record: UrlRecord;
  problem?: Problem;
  /** First time this URL was checked. */
  isNew: boolean;
}

/** The outcome of a run (or of merging shard states). */
export interface RunReport {
  startedAt: string;
  durationMs: number;
  articles: number;
  shard?: Shard;
  counts: Record<LinkClass, number>;
  findings: Finding[];
  warnings: string[];
  statePath: string;
  /** 1 when rotten or dead-on-arrival URLs exist. */
  exitCode: 0 | 1;
}

/** Records of URLs nobody cites any more are kept this long, in case the citation comes back. */
const FORGET_AFTER_MS = 30 * 24 * 3600 * 1000;

/** Zero counts for every class. */
export function emptyCounts(): Record<LinkClass, number> {
  return Object.fromEntries(LINK_CLASSES.map((c) => [c, 0])) as Record<LinkClass, number>;
}

/** The earliest `accessed` date among citations of a source URL. */
function accessedDay(citations: readonly Citation[]): string | undefined {
  return citations.map((c) => c.accessed).filter((d): d is string => d !== undefined).sort()[0];
}

/** True when a finding deserves an archive suggestion. */
export function wantsArchive(finding: Finding): boolean {
  const drifted = Object.values(finding.record.quotes ?? {}).some((q) => q.status === 'missing');
  return (finding.problem !== undefined || drifted) && finding.target.citations.some((c) => c.field !== 'archived' && !c.archived);
}

/** Drop records of URLs no longer cited once they are old; keep everything else. */
function prune(state: LinkrotState, cited: ReadonlySet<string>, now: Date): void {
  for (const [key, record] of Object.entries(state.urls)) {
    if (!cited.has(key) && now.getTime() - Date.parse(record.lastChecked) > FORGET_AFTER_MS) delete state.urls[key];
  }
}

/** Build findings and counts for `targets` from the records in `state`. */
export function findingsFrom(state: LinkrotState, targets: readonly Target[], policy: RotPolicy, fresh: ReadonlySet<string> = new Set()): { findings: Finding[]; counts: Record<LinkClass, number> } {
  const counts = emptyCounts();
  const findings: Finding[] = [];
  for (const target of targets) {
    const record = state.urls[target.key];
    if (!record) continue;
    counts[record.lastClass]++;
    const problem = problemOf(record, policy);
    findings.push({ target, record, isNew: fresh.has(target.key), ...(problem ? { problem } : {}) });
  }
  return { findings, counts };
}

/** Run the link-rot check. Throws `StateError` for an unusable state file. */
export async function runLinkrot(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const now = options.date();
  const extraction = await collectTargets(options.contentDir, options.site ? { site: options.site } : {});
  const state = await loadState(options.statePath, now);
  const shard = options.shard;
  const targets = shard ? extraction.targets.filter((t) => shardOfHost(hostKey(t.url), shard.count) === shard.index) : extraction.targets;
  const clock = options.clock ?? systemClock;
  const scheduler = options.scheduler ?? new HostScheduler({ global: options.concurrency, perHost: options.perHost, minIntervalMs: options.minIntervalMs, clock });
  const gate = <T>(host: string, task: () => Promise<T>) => scheduler.run(host, task);
  const counts = emptyCounts();
  const fresh = new Set<string>();
  let checked = 0;
  const report = () => options.onProgress?.({ checked, total: targets.length, counts: { ...counts }, elapsedMs: performance.now() - started });
  report();

  const results: { target: Target; verdict: Verdict; quotes?: Record<string, QuoteCheck>; dns: boolean }[] = [];
  const checkOne = async (target: Target) => {
    const quoted = target.citations.filter((c) => c.field === 'url' && c.quote);
    const wantBody = options.quotes && quoted.length > 0;
    const { verdict, probe } = await checkUrl(target.url, { ...options.http, ...options.retry, scheduler, clock, wantBody, ...(options.random ? { random: options.random } : {}) });
    const alive = verdict.class === 'ok' || verdict.class === 'redirected';
    // Quotes are checked now, so no page body is kept past its check.
    const body = wantBody && alive ? probe.body : undefined;
    const type = probe.headers?.['content-type'] ?? '';
    const quotes = body ? Object.fromEntries(quoted.map((c) => [c.quote as string, checkQuote(c.quote as string, body, type, options.http.maxBodyBytes)])) : undefined;
    results.push({ target, verdict, dns: probe.error?.code === 'dns', ...(quotes ? { quotes } : {}) });
    counts[verdict.class]++;
    checked++;
    report();
  };
  // Hosts in turn, a few checks per overall slot under way: every host always
  // has work queued, without thousands of checks holding sockets at once.
  const pool = new PQueue({ concurrency: options.concurrency * 8 });
  await pool.addAll(interleaveByHost(targets).map((target) => () => checkOne(target)));

  const warnings = [...extraction.warnings];
  const offline = networkLooksDown(results.map((r) => ({ host: hostKey(r.target.url), dns: r.dns })));
  if (offline) warnings.push('Most hosts could not be found (DNS): the network looks down, so no URL was counted dead for that. Check the network of the machine running the check.');
  for (const { target, verdict, quotes, dns } of results) {
    const previous = state.urls[target.key];
    if (!previous) fresh.add(target.key);
    const counted = offline && dns ? { ...verdict, class: 'transient' as const, reason: `${verdict.reason}; most hosts failed alike, so the network looks down` } : verdict;
    const record = recordVerdict(previous, target.url, counted, now, options.policy);
    if (quotes) record.quotes = quotes;
    state.urls[target.key] = record;
  }

  const result = findingsFrom(state, targets, options.policy, fresh);
  if (options.archive.enabled) {
    await Promise.all(
      result.findings.filter(wantsArchive).map(async (finding) => {
        const day = accessedDay(finding.target.citations) ?? finding.record.lastOk?.slice(0, 10);
        const snapshot = await findSnapshot(finding.target.url, day, { ...options.http, endpoint: options.archive.endpoint, gate });
        if (snapshot) finding.record.archive = snapshot;
      }),
    );
  }
  prune(state, new Set(extraction.targets.map((t) => t.key)), now);
  state.updated = now.toISOString();
  if (options.write !== false) await writeStateAtomic(options.statePath, state);
  return {
    startedAt: now.toISOString(),
    durationMs: performance.now() - started,
    articles: extraction.articles,
    ...(shard ? { shard } : {}),
    counts: result.counts,
    findings: result.findings,
    warnings,
    statePath: options.statePath,
    exitCode: result.findings.some((f) => f.problem) ? 1 : 0,
  };
}
