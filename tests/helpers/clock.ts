/** A fixed "today" for the checks, so date rules give the same answer every day. */
export const NOW = new Date('2026-01-15T00:00:00Z');
