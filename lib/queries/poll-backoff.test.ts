import { describe, expect, it } from 'vitest';

import { nextPollDelayMs, POLL_FIRST_MS, POLL_MAX_MS, PollSchedule } from './poll-backoff';

describe('nextPollDelayMs', () => {
  it('starts at 2 s and doubles while the state stays the same', () => {
    expect([0, 1, 2, 3, 4].map(nextPollDelayMs)).toEqual([2_000, 4_000, 8_000, 15_000, 15_000]);
  });
  it('levels off at 15 s, however long the request waits', () => {
    expect(nextPollDelayMs(5)).toBe(POLL_MAX_MS);
    expect(nextPollDelayMs(10_000)).toBe(15_000);
  });
  it('treats a nonsense count as a fresh start', () => {
    expect(nextPollDelayMs(-3)).toBe(POLL_FIRST_MS);
    expect(nextPollDelayMs(Number.NaN)).toBe(POLL_FIRST_MS);
  });
  it('polls 243 times in the first hour of waiting instead of 1,800', () => {
    let elapsed = 0;
    let polls = 0;
    while (elapsed < 3_600_000) elapsed += nextPollDelayMs(polls++);
    expect(polls).toBe(243);
  });
});

describe('PollSchedule', () => {
  it('backs off while what is seen stays the same and starts over at 2 s when it changes', () => {
    const schedule = new PollSchedule();
    expect(schedule.nextDelayMs('sent|WAITING', 1)).toBe(2_000);
    expect(schedule.nextDelayMs('sent|WAITING', 2)).toBe(4_000);
    expect(schedule.nextDelayMs('sent|WAITING', 3)).toBe(8_000);
    expect(schedule.nextDelayMs('sent|APPROVED', 4)).toBe(2_000);
    expect(schedule.nextDelayMs('sent|APPROVED', 5)).toBe(4_000);
  });
});
