import { describe, expect, it } from 'vitest';

import { secondsLeftAt } from './use-me';

describe('secondsLeftAt', () => {
  it('counts the server’s seconds down on the page’s own clock, from when the answer arrived', () => {
    const receivedAt = 1_000_000;
    expect(secondsLeftAt(8, receivedAt, receivedAt)).toBe(8);
    expect(secondsLeftAt(8, receivedAt, receivedAt + 999)).toBe(8);
    expect(secondsLeftAt(8, receivedAt, receivedAt + 1_000)).toBe(7);
    expect(secondsLeftAt(8, receivedAt, receivedAt + 8_000)).toBe(0);
    expect(secondsLeftAt(8, receivedAt, receivedAt + 60_000)).toBe(0);
  });
});
