/**
 * Peak memory of a whole process tree: the sum of the resident memory of a
 * process and all its descendants (Astro, its worker threads, Pagefind's
 * binary, esbuild, npm itself), sampled from /proc. GNU time reports only the
 * largest single process, which would not count a helper process running
 * beside the build.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process, from /proc/<pid>/stat. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; fields resume after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

/** Resident memory in kB of `pid` and its descendants now. */
export function treeRssKb(pid: number): number {
  const children = parents();
  let total = 0;
  const todo = [pid];
  while (todo.length > 0) {
    const current = todo.pop()!;
    todo.push(...(children.get(current) ?? []));
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** Sample the tree under `pid` every `ms` until stopped; the peak in MB, or undefined without /proc. */
export function sampleTree(pid: number, ms = 200): { stop: () => number | undefined } {
  let peak = 0;
  let available = true;
  const sample = () => {
    try {
      peak = Math.max(peak, treeRssKb(pid));
    } catch {
      available = false;
    }
  };
  const timer = setInterval(sample, ms);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return available ? peak / 1024 : undefined;
    },
  };
}
