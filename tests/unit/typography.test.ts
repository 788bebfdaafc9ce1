import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/site/typography.ts';

describe('typeset', () => {
  it('curls quotes and apostrophes the way the body text is curled', () => {
    expect(typeset(`What Europe's counter-proposal "changes"`)).toBe('What Europe’s counter-proposal “changes”');
    expect(typeset(`'Quoted' (and "bracketed")`)).toBe('‘Quoted’ (and “bracketed”)');
  });

  it('turns double and triple hyphens into dashes and three dots into an ellipsis', () => {
    expect(typeset('2025--2026 talks --- and then... nothing')).toBe('2025–2026 talks — and then… nothing');
  });

  it('leaves typeset text and single hyphens alone', () => {
    expect(typeset('Europe’s “draft” — a 28-point plan')).toBe('Europe’s “draft” — a 28-point plan');
  });
});
