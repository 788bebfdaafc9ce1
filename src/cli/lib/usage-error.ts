/**
 * Errors a writer can fix, for the `npm run new` command: printed as one
 * plain line and a hint, never with a stack trace.
 */
import { relative } from 'node:path';

/** A problem the writer can fix; `code` becomes the exit code (2 for a mistyped command). */
export class UsageError extends Error {
  hint?: string;
  code: number;
  constructor(message: string, hint?: string, code = 1) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
    this.code = code;
  }
}

/** A path as the writer would type it: relative to where they ran the command. */
export const shown = (path: string) => relative(process.cwd(), path) || path;
