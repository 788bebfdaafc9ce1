/**
 * What the static server needs from the disk: whether a path is a file or a
 * folder, a file's size, and its bytes. With `cache`, what is at a path is
 * looked up once for the server's lifetime, for a site that does not change
 * while it is served (the link check asks about the same paths thousands of
 * times). File contents are not kept: measured, that saved no time and cost
 * memory.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** What is at a path. */
export interface Entry {
  kind: 'file' | 'dir' | undefined;
  /** Size in bytes (files only). */
  size: number;
  /** The lookup failed for another reason than a missing path (so it is not remembered). */
  failed?: boolean;
}

/** Files up to this size are read whole (one buffer, one write); larger ones are streamed. */
const READ_WHOLE = 1 << 20;

/** Disk access for the static server. */
export interface SiteFiles {
  entry: (path: string) => Promise<Entry>;
  /** The file's bytes: a buffer for a small file, else a stream. */
  body: (path: string, size: number) => Promise<Buffer | Readable>;
}

function toEntry(found: Stats | undefined): Entry {
  return found ? { kind: found.isDirectory() ? 'dir' : 'file', size: found.size } : { kind: undefined, size: 0 };
}

function notFound(error: unknown): Entry {
  const code = (error as NodeJS.ErrnoException).code;
  return { kind: undefined, size: 0, ...(code === 'ENOENT' || code === 'ENOTDIR' ? {} : { failed: true }) };
}

async function lookupLater(path: string): Promise<Entry> {
  try {
    return toEntry(await stat(path));
  } catch (error) {
    return notFound(error);
  }
}

async function lookupNow(path: string): Promise<Entry> {
  try {
    return toEntry(statSync(path));
  } catch (error) {
    return notFound(error);
  }
}

/**
 * Disk access for a server of a folder; with `cache`, each path is looked up once.
 * With `blocking`, paths are looked up synchronously: for a thread that does
 * nothing else (a link check worker), where going through Node's thread
 * pool for every small lookup cost more system time than the lookups themselves.
 */
export function siteFiles(cache: boolean, blocking = false): SiteFiles {
  const lookup = blocking ? lookupNow : lookupLater;
  const entries = new Map<string, Promise<Entry>>();
  return {
    entry: (path) => {
      if (!cache) return lookup(path);
      let found = entries.get(path);
      if (!found) {
        found = lookup(path);
        entries.set(path, found);
        // Like a server without the cache, answer 404 this time, but look again next time.
        void found.then((entry) => entry.failed && entries.delete(path));
      }
      return found;
    },
    body: async (path, size) => (size <= READ_WHOLE ? readFile(path) : createReadStream(path)),
  };
}
