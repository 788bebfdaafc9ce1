/** Starts `astro dev` over a content folder on a free loopback port, for editor-loop tests. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childEnv, isolatedRoot, ROOT } from './site.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 4321));
    });
  });
}

/** A running dev server. */
export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Start the dev server and wait until it answers. */
export async function startDev(contentDir: string): Promise<DevServer> {
  const port = await freePort();
  const root = await isolatedRoot();
  const cache = join(root, 'cache');
  const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: childEnv({ EXPLAINERS_DIR: contentDir, ASTRO_CACHE_DIR: cache }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return { url, output: () => output, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await stop();
  throw new Error(`astro dev did not start:\n${output}`);
}
