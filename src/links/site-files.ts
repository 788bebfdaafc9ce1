/**
 * What the static server needs from the disk: whether a path is a file or a
 * folder, a file's size, and its bytes. With `cache`, what is at a path is
 * looked up once for the server's lifetime, for a site that does not change
 * while it is served (the link check asks about the same paths thousands of
 * times). File contents are not kept: measured, that saved no time and cost
 * memory.
 */
import { createReadStream } from 'node:fs';
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

async function lookup(path: string): Promise<Entry> {
  try {
    const found = await stat(path);
    return { kind: found.isDirectory() ? 'dir' : 'file', size: found.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: undefined, size: 0, ...(code === 'ENOENT' || code === 'ENOTDIR' ? {} : { failed: true }) };
  }
}

/** Disk access for a server of a folder; with `cache`, each path is looked up once. */
export function siteFiles(cache: boolean): SiteFiles {
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
