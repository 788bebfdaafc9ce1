/**
 * Progress while a run is under way: a live line on a terminal, a plain line
 * every 10 seconds elsewhere (CI logs), nothing with `--quiet`. Written to
 * stderr so stdout carries only the report.
 */
import type { Progress } from './run.ts';

/** `1m05s` */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** One progress line: checked/total, counts per class, elapsed and remaining time. */
export function progressLine(progress: Progress): string {
  const { checked, total, counts, elapsedMs } = progress;
  const remaining = checked > 0 && checked < total ? ` ~${duration((elapsedMs / checked) * (total - checked))} left` : '';
  const classes = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return `checked ${checked}/${total}${classes ? ` (${classes})` : ''}, ${duration(elapsedMs)} elapsed${remaining}`;
}

/** Where progress goes. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write: (text: string) => unknown;
}

/** A progress reporter: call `update` often, `done` once. */
export interface ProgressReporter {
  update: (progress: Progress) => void;
  done: () => void;
}

/**
 * Pick the reporter for `stream`: a live line (redrawn on every update, at
 * most ~10 times a second, and each second), a plain line every `intervalMs`
 * (default 10 s), or nothing.
 */
export function createProgress(stream: ProgressStream, options: { quiet?: boolean; intervalMs?: number } = {}): ProgressReporter {
  if (options.quiet) return { update: () => undefined, done: () => undefined };
  let last: Progress | undefined;
  let origin = performance.now();
  const current = (): Progress | undefined => last && { ...last, elapsedMs: performance.now() - origin };
  const live = stream.isTTY === true;
  let drawn = 0;
  const draw = () => {
    const progress = current();
    if (!progress) return;
    drawn = performance.now();
    if (live) stream.write(`\r\u001b[2K${progressLine(progress).slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
    else stream.write(`${progressLine(progress)}\n`);
  };
  const timer = setInterval(draw, live ? 1000 : (options.intervalMs ?? 10_000));
  timer.unref();
  return {
    update: (progress) => {
      if (!last) origin = performance.now() - progress.elapsedMs;
      last = progress;
      if (live && performance.now() - drawn >= 100) draw();
    },
    done: () => {
      clearInterval(timer);
      const progress = current();
      if (progress) stream.write(`${live ? '\r\u001b[2K' : ''}${progressLine(progress)}\n`);
    },
  };
}
