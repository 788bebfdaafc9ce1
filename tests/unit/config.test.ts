/**
 * One configuration: every environment setting is declared once in src/config/env.ts
 * and read through it, so a default is never written twice and a switch is parsed one way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOn, setting, SETTINGS } from '../../src/config/env.ts';
import { ROOT } from '../helpers/site.ts';

/** Every source file of the project: src/ and the Astro config. */
async function sources(): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile() && /\.(?:ts|mjs|astro)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  paths.push(join(ROOT, 'astro.config.mjs'));
  return Promise.all(paths.map(async (path) => ({ path: relative(ROOT, path), text: await readFile(path, 'utf8') })));
}

describe('configuration', () => {
  it('names each setting variable and default in one source file only', async () => {
    const files = (await sources()).filter((f) => f.path !== 'src/config/env.ts');
    for (const { env, default: fallback } of Object.values(SETTINGS)) {
      for (const { path, text } of files) {
        // A variable name in prose (a log line naming the switch) comes from SETTINGS too.
        expect(text.includes(`env.${env}`) || text.includes(`'${env}'`), `${path} reads ${env} itself`).toBe(false);
        if (fallback) expect(text.includes(`'${fallback}'`), `${path} repeats the default ${fallback}`).toBe(false);
      }
    }
  });

  it('reads the environment only in env.ts (and the build-internal Analysis mark)', async () => {
    const readers = (await sources()).filter(({ text }) => /process\.env\.[A-Z_]+|process\.env\[/.test(text)).map((f) => f.path);
    expect(readers.sort()).toEqual(['src/published/mark.ts']);
  });

  it('parses a switch one way, and a blank value as unset', () => {
    for (const on of ['1', 'true', 'YES']) expect(isOn('skipLinkCheck', { SKIP_LINK_CHECK: on })).toBe(true);
    for (const off of ['', ' ', '0', 'false', 'no']) expect(isOn('skipLinkCheck', { SKIP_LINK_CHECK: off })).toBe(false);
    expect(setting('contentDir', { EXPLAINERS_DIR: '  ' })).toBe('content/explainers');
    expect(setting('contentDir', { EXPLAINERS_DIR: 'elsewhere' })).toBe('elsewhere');
  });
});
