import { describe, expect, it } from 'vitest';

import { confirmCodeFor, confirmCodeMatches } from './confirm-code';

const id = '44fcead0-7053-4831-a53a-df7fb90d440f';

describe('confirm code', () => {
  it('is the last six characters of the key id', () => {
    expect(confirmCodeFor(id)).toBe('0d440f');
  });
  it('accepts them typed in any case with stray spaces, and nothing else', () => {
    expect(confirmCodeMatches(' 0D440F ', id)).toBe(true);
    expect(confirmCodeMatches('d440f', id)).toBe(false);
    expect(confirmCodeMatches('44fcea', id)).toBe(false);
    expect(confirmCodeMatches('', id)).toBe(false);
  });
});
