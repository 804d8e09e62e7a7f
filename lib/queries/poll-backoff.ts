/** First wait between two status polls. */
export const POLL_FIRST_MS = 2_000;
/** Longest wait: a change that waits hours (for an Owner's approval in Fireblocks) is read every 15 s. */
export const POLL_MAX_MS = 15_000;

/**
 * How long to wait before the next poll, given how many polls in a row have returned the same state: 2 s, 4 s,
 * 8 s, then every 15 s. A poll reads the console's own database (the background worker asks Fireblocks, at its own
 * cadence), so it is cheap, but a page left open for hours need not ask every 2 s; a change of state starts the
 * schedule again at 2 s, as the next step usually follows soon.
 */
export function nextPollDelayMs(unchangedPolls: number): number {
  // The exponent is capped so 2^n stays small and finite; a count that is not a number starts over.
  const n = Number.isFinite(unchangedPolls) && unchangedPolls > 0 ? Math.min(Math.floor(unchangedPolls), 16) : 0;
  return Math.min(POLL_FIRST_MS * 2 ** n, POLL_MAX_MS);
}

/**
 * The back-off of one polled resource: remembers what the last read looked like (`signature`) and at which read it
 * first looked so, and gives the wait before the next poll. A change in what is seen starts again at 2 s.
 */
export class PollSchedule {
  private last: { signature: string | undefined; atRead: number } = { signature: undefined, atRead: 0 };

  /** `reads`: how many successful reads so far (React Query's `dataUpdateCount`). */
  nextDelayMs(signature: string | undefined, reads: number): number {
    if (signature !== this.last.signature) this.last = { signature, atRead: reads };
    return nextPollDelayMs(reads - this.last.atRead);
  }
}
