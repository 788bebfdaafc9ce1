/**
 * Bytes to text for the one explainer reader: UTF-8 or a plain refusal that
 * says where the first bad byte is, and UTF-16 recognised as such (an editor's
 * "Unicode" setting), since mostly-ASCII UTF-16 would otherwise decode as
 * UTF-8 full of invisible zero characters.
 */
import type { Place } from './place.ts';

/** Decode UTF-8, or say where the first byte that is not UTF-8 is. */
export function decode(bytes: Uint8Array): { text: string } | { bad: Place } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The longest prefix that decodes: a streaming decoder stops at the first bad byte.
    let good = 0;
    const stream = new TextDecoder('utf-8', { fatal: true });
    for (; good < bytes.length; good++) {
      try {
        stream.decode(bytes.subarray(good, good + 1), { stream: true });
      } catch {
        break;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, good));
    const lines = before.split('\n');
    return { bad: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 } };
  }
}

/** True when the bytes are UTF-16 text (a byte-order mark, or the zero bytes between ASCII letters). */
export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  let zeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros++;
  return sample.length >= 8 && zeros >= sample.length / 3;
}
