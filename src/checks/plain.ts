/** Check results as plain data, to cross a thread boundary or sit in the cache file. */
import { VFile } from 'vfile';
import type { Override } from './config.ts';
import type { CheckResult, Coverage } from './types.ts';

/** A check result as plain data. */
export interface PlainResult {
  path: string;
  coverage?: Coverage;
  overrides: Override[];
  messages: Array<{ reason: string; line?: number; column?: number; ruleId?: string; source?: string; fatal?: boolean; note?: string }>;
}

/** Turn a result into plain data. */
export function toPlain(result: CheckResult): PlainResult {
  return {
    path: result.file.path,
    coverage: result.coverage,
    overrides: result.overrides,
    messages: result.file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal ?? undefined, note: m.note })),
  };
}

/** Turn plain data back into a result. */
export function fromPlain(plain: PlainResult): CheckResult {
  const file = new VFile({ path: plain.path });
  for (const m of plain.messages) {
    const message = file.message(m.reason, { place: { line: m.line ?? 1, column: m.column ?? 1 }, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal;
    if (m.note) message.note = m.note;
  }
  return { file, coverage: plain.coverage, overrides: plain.overrides };
}
