/**
 * The one way checks report problems: a vfile message with position,
 * ruleId, source and a fix hint, so every entry point prints the same thing.
 * Ids come from the registries (src/checks/rules/, src/schema/notices.ts,
 * src/published/rules.ts), never written out here.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareMessage } from 'vfile-sort';
import type { Place } from '../schema/place.ts';

export type { Place } from '../schema/place.ts';

/** How serious a message is. `off` rules report nothing. */
export type Severity = 'error' | 'warning' | 'info';

/** The `source` of every message our checks produce. */
export const MESSAGE_SOURCE = 'explainer-check';

/**
 * Add a message to `file`. `hint` tells the writer how to fix it and is kept
 * in `message.note`. Errors are `fatal: true`, warnings `false`, info `undefined`
 * (the vfile convention).
 */
export function report(file: VFile, severity: Severity, ruleId: string, place: Place | undefined, reason: string, hint?: string): VFileMessage {
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId, source: MESSAGE_SOURCE });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (hint) message.note = hint;
  return message;
}

/** The severity of a vfile message, from its `fatal` flag. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** Sort a file's messages by place, errors before warnings before notes at one place (vfile-sort). */
export function sortMessages(file: VFile): void {
  file.messages.sort(compareMessage);
}
