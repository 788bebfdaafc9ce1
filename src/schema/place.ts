/**
 * Positions in an explainer file, as writers read them: 1-based line and
 * column. One index per file (vfile-location), built on first use; lines end
 * at LF, CRLF or a lone CR, as they do for the parsers.
 */
import { location } from 'vfile-location';

/** A 1-based line and column in the explainer file. */
export interface Place {
  line: number;
  column: number;
}

/** Maps a UTF-16 offset in `text` to its line and column (offsets past the end map to the end). */
export function placer(text: string): (offset: number) => Place {
  const { toPoint } = location(text);
  return (offset) => {
    const point = toPoint(Math.max(0, Math.min(offset, text.length)));
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };
}
