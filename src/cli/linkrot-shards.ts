/**
 * `node src/cli/linkrot-shards.ts`: the link-rot workflow's job matrix.
 * Prints `count=<urls>` and `shards=["1/n",…]` lines, the format of
 * `$GITHUB_OUTPUT`. Settings: --per-shard (default 2000), --max-shards (default 16).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findArticles } from '../checks/files.ts';
import { setting } from '../config/env.ts';
import { countSourceUrls, DEFAULT_SHARDS, planShards } from './lib/shards.ts';

const USAGE = 'Usage: node src/cli/linkrot-shards.ts [--per-shard 2000] [--max-shards 16] [--dir content/explainers]';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

try {
  const { values } = parseArgs({ options: { 'per-shard': { type: 'string' }, 'max-shards': { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
  } else {
    const dir = resolve(values.dir ?? setting('contentDir'));
    const count = await countSourceUrls(await findArticles([dir]));
    const shards = planShards(count, { perShard: positive('per-shard', values['per-shard'], DEFAULT_SHARDS.perShard), maxShards: positive('max-shards', values['max-shards'], DEFAULT_SHARDS.maxShards) });
    console.log(`count=${count}\nshards=${JSON.stringify(shards)}`);
  }
} catch (error) {
  console.error(`linkrot-shards: ${(error as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
