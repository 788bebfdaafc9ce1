/**
 * The few git questions the pull-request report asks, answered by the git
 * command line (always with an argument list, never through a shell).
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A git failure a user can act on. */
export class GitError extends Error {
  hint: string;
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitError';
    this.hint = hint;
  }
}

/** Run git in `cwd`; stdout as a Buffer (file contents are bytes). */
export async function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  const child = exec('git', args, { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  const { stdout } = await child;
  return stdout;
}

/** The repository holding `dir` and `dir`'s path inside it (posix separators). */
export async function repositoryOf(dir: string): Promise<{ root: string; path: string }> {
  let root: string;
  try {
    root = (await git(dir, ['rev-parse', '--show-toplevel'])).toString().trim();
  } catch (cause) {
    throw new GitError(`${dir} is not inside a git repository`, 'run the report from a clone of the project', { cause });
  }
  const path = relative(await realpath(root), await realpath(dir)).split(sep).join('/');
  return { root, path: path || '.' };
}

/**
 * The commit to compare with: where the current branch left `ref`
 * (`git merge-base ref HEAD`), so changes made on `ref` since then are not
 * counted as this branch's. Falls back to `ref` itself without a common history.
 */
export async function resolveBase(root: string, ref: string): Promise<{ commit: string; refCommit: string }> {
  if (ref.startsWith('-') || ref.trim() === '') throw new GitError(`"${ref}" is not a git ref`, 'pass a branch, tag or commit, e.g. --base origin/main');
  let refCommit: string;
  try {
    refCommit = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString().trim();
  } catch (cause) {
    throw new GitError(`git ref "${ref}" does not exist in this repository`,
      'pass a branch, tag or commit that exists, e.g. --base origin/main (fetch it first: git fetch origin main; in CI use actions/checkout with fetch-depth: 0)', { cause });
  }
  try {
    const commit = (await git(root, ['merge-base', refCommit, 'HEAD'])).toString().trim();
    return { commit: commit || refCommit, refCommit };
  } catch {
    return { commit: refCommit, refCommit };
  }
}

/** One changed file: paths relative to the repository root. */
export interface ChangedFile {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Path at the base commit (not for added files). */
  before?: string;
  /** Path in the working tree (not for deleted files). */
  after?: string;
}

/**
 * Files under `path` that differ between `commit` and the working tree,
 * including new files git does not track yet; renames are detected.
 */
export async function changedFiles(root: string, commit: string, path: string): Promise<ChangedFile[]> {
  const diff = (await git(root, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', commit, '--', path])).toString('utf8').split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < diff.length - 1; ) {
    const code = diff[i++]!;
    if (code.startsWith('R')) files.push({ status: 'renamed', before: diff[i++], after: diff[i++] });
    else if (code.startsWith('C')) files.push({ status: 'added', after: (i++, diff[i++]) });
    else if (code === 'A') files.push({ status: 'added', after: diff[i++] });
    else if (code === 'D') files.push({ status: 'deleted', before: diff[i++] });
    else {
      const file = diff[i++];
      files.push({ status: 'modified', before: file, after: file });
    }
  }
  const untracked = (await git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', path])).toString('utf8').split('\0').filter(Boolean);
  for (const file of untracked) files.push({ status: 'added', after: file });
  return files;
}

/** Every file under `path` at `commit`. */
export async function filesAt(root: string, commit: string, path: string): Promise<string[]> {
  return (await git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', path])).toString('utf8').split('\0').filter(Boolean);
}

/** The contents of `paths` at `commit`, read through one `git cat-file --batch`. */
export async function readAt(root: string, commit: string, paths: string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (paths.length === 0) return result;
  const out = await git(root, ['cat-file', '--batch'], paths.map((p) => `${commit}:${p}\n`).join(''));
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString();
    at = eol + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    result.set(path, out.subarray(at, at + size));
    at += size + 1;
  }
  return result;
}
