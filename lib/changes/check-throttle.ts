import 'server-only';

/** How often one process asks Fireblocks about one open change, however many people are looking at it. */
const CHECK_INTERVAL_MS = 3_000;
const MAX_REMEMBERED = 10_000;

const lastCheckAt = new Map<string, number>();

/**
 * Whether this process may ask Fireblocks about a change now (and, if so, notes that it does). Per process: each
 * replica asks at most every few seconds per change, and the version column keeps their records from doubling.
 */
export function claimCheck(changeId: string, now = Date.now()): boolean {
  const last = lastCheckAt.get(changeId);
  if (last !== undefined && now - last < CHECK_INTERVAL_MS) return false;
  lastCheckAt.delete(changeId);
  lastCheckAt.set(changeId, now);
  // A Map iterates in insertion order: the first key is the one checked longest ago.
  if (lastCheckAt.size > MAX_REMEMBERED) lastCheckAt.delete(lastCheckAt.keys().next().value ?? '');
  return true;
}
