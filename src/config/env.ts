/**
 * The project's configuration from the environment, each setting declared
 * once: its variable, its default and a line saying what it is for. Every
 * tool reads settings through here, so a default is never written twice and
 * a switch is parsed one way (`1`, `true`, `yes` turn it on).
 */

/** A setting: the environment variable that sets it, its default, and what it is for. */
interface Setting {
  env: string;
  default: string;
  docs: string;
}

/** Every setting. Switches default to '' (off). */
export const SETTINGS = {
  contentDir: { env: 'EXPLAINERS_DIR', default: 'content/explainers', docs: 'the folder of explainers (tests and benchmarks point it elsewhere)' },
  siteUrl: { env: 'SITE_URL', default: 'https://explainers.example.org', docs: "the site's public address, for canonical links, feeds and structured data" },
  linkrotState: { env: 'LINKROT_STATE', default: '.linkrot/state.json', docs: 'the link-rot history the watcher writes and the site reads source health from' },
  archiveEndpoint: { env: 'LINKROT_ARCHIVE_ENDPOINT', default: 'https://archive.org/wayback/available', docs: 'the Wayback-style availability API the link-rot watcher asks for archived copies' },
  checkCache: { env: 'EXPLAINERS_CHECK_CACHE', default: '', docs: "tests and benchmarks: the check's result cache file (default: node_modules/.cache/explainers-check/results.json)" },
  astroCacheDir: { env: 'ASTRO_CACHE_DIR', default: '', docs: "tests and benchmarks: Astro's cache folder for one build (default: Astro's own)" },
  incremental: { env: 'EXPLAINERS_INCREMENTAL', default: '', docs: "Astro's incremental builds (faster repeated local builds; see Performance)" },
  skipCitationCheck: { env: 'SKIP_CITATION_CHECK', default: '', docs: 'benchmarks only: build without the Markdown gate' },
  skipPublishedCheck: { env: 'SKIP_PUBLISHED_CHECK', default: '', docs: 'benchmarks only: build without the published-page gate' },
  skipSearchIndex: { env: 'SKIP_SEARCH_INDEX', default: '', docs: 'build without the search index' },
  skipLinkCheck: { env: 'SKIP_LINK_CHECK', default: '', docs: 'build without the internal link check' },
} as const satisfies Record<string, Setting>;

/** A setting's name. */
export type SettingName = keyof typeof SETTINGS;

/** A setting's value: the environment's when set and not blank, else the default. */
export function setting(name: SettingName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[SETTINGS[name].env]?.trim();
  return value ? value : SETTINGS[name].default;
}

/** A switch: on for `1`, `true` or `yes` (any case), off otherwise. */
export function isOn(name: SettingName, env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(?:1|true|yes)$/i.test(setting(name, env));
}

/** The settings as `--help` text: one line each, variable, default and purpose. */
export function settingsHelp(names: readonly SettingName[] = Object.keys(SETTINGS) as SettingName[]): string {
  return names.map((name) => `  ${SETTINGS[name].env.padEnd(24)} ${SETTINGS[name].docs}${SETTINGS[name].default ? ` (default: ${SETTINGS[name].default})` : ''}`).join('\n');
}
