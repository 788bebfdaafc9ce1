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

/** Both directions between offsets in `text` and places, on one index. */
export interface Locator {
  /** A UTF-16 offset's line and column (offsets past the end map to the end). */
  place: (offset: number) => Place;
  /** A place's offset (a place past the end of its line or the file maps to the end of the file). */
  offset: (place: Place) => number;
}

/** Index `text` once for {@link Locator}. */
export function locator(text: string): Locator {
  const { toPoint, toOffset } = location(text);
  return {
    place: (offset) => {
      const point = toPoint(Math.max(0, Math.min(offset, text.length)));
      return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
    },
    offset: (place) => toOffset(place) ?? text.length,
  };
}

/** Maps a UTF-16 offset in `text` to its line and column (offsets past the end map to the end). */
export function placer(text: string): (offset: number) => Place {
  return locator(text).place;
}
