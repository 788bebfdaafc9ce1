/**
 * publish: a failed build never touches the last good site.
 *
 * Astro empties its output folder when a build starts, so a build that then
 * fails a check used to leave `dist/` empty. This integration has Astro build
 * into a sibling folder (`.dist-building/` beside `dist/`) and, once every
 * other integration's checks have passed, swaps it into place. List it LAST:
 * `astro:build:done` hooks run in list order.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where a build into `outDir` is staged: a hidden sibling, on the same disk so the swap is a rename. */
export function stagingDir(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}-building`);
}

/** Move `staged` to `outDir`, keeping `outDir` whole until the new site is in place. */
export async function swapInto(staged: string, outDir: string): Promise<void> {
  const old = `${stagingDir(outDir)}-old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staged, outDir);
  await rm(old, { recursive: true, force: true });
}

/** The Astro integration. */
export function publish(): AstroIntegration {
  let outDir: string | undefined;
  return {
    name: 'explainers:publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        updateConfig({ outDir: pathToFileURL(`${stagingDir(outDir)}/`) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!outDir) return;
        await swapInto(fileURLToPath(dir).replace(/\/$/, ''), outDir);
        logger.info(`Site published to ${outDir}.`);
      },
    },
  };
}
