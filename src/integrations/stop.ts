/**
 * The one way our integrations fail a build: an AstroError whose message and
 * hint are the whole story, with no stack trace into our code (the report
 * printed above it already names every file and line).
 */
import { AstroError } from 'astro/errors';

/** An error for a failed check; Astro prints `message` and `hint`, nothing else of ours. */
export function quietError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}
