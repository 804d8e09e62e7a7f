import 'server-only';

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { AppError } from '@/lib/errors/app-error';

/**
 * What people's views may spend of the API user's Fireblocks budget on one replica: reads that miss the read cache
 * (read-cache.ts) and request-status reads, FIREBLOCKS_READ_BUDGET a minute for everyone together and a quarter of
 * that for any one person, so that one viewer cannot spend it all and neither can all viewers together. The calls a
 * change makes (its PATCH and the reads it needs: the `before`, the drift guard, following it) are never counted nor
 * refused here: whatever Fireblocks allows beyond this budget stays theirs, and a 429 on people's reads does not
 * hold them back either (the gate's lanes, upstream-gate.ts). Counted in memory, per replica: only signed-in people
 * are counted, so the number of keys is bounded by the IdP's users.
 */
export interface ReadBudget {
  /**
   * Takes `reads` (default 1) for `reader` (a session subject; undefined: the console's own read, counted in the
   * total only), or throws a 429 AppError with `retryAfter`: `rate_limited` for a person over their share,
   * `upstream_throttled` when everyone together spent the budget. More reads than a share (a walk of a big
   * workspace) cost the whole share: such a request is then possible once a minute, not never.
   */
  take(reader?: string, reads?: number): Promise<void>;
}

const WINDOW_SEC = 60;
const ALL = 'all';

/** A person's share of the budget: a quarter, so it takes four people reading flat out to spend it. */
export const personalShare = (perMinute: number): number => Math.max(1, Math.floor(perMinute / 4));

/** `perMinute` 0: no budget (benchmarks that measure raw throughput); every read is let through. */
export function createReadBudget(perMinute: number): ReadBudget {
  if (perMinute <= 0) return { take: () => Promise.resolve() };
  const everyone = new RateLimiterMemory({ points: perMinute, duration: WINDOW_SEC });
  const person = new RateLimiterMemory({ points: personalShare(perMinute), duration: WINDOW_SEC });
  return {
    async take(reader, reads = 1) {
      const mine = Math.min(reads, personalShare(perMinute));
      if (reader !== undefined) {
        const own = await consumed(person, reader, mine);
        if (own) {
          throw new AppError({
            status: 429,
            code: 'rate_limited',
            message: `You have made ${personalShare(perMinute)} reads from Fireblocks within a minute, the most one person may; try again in ${own} s.`,
            retryAfter: own,
          });
        }
      }
      const all = await consumed(everyone, ALL, reader === undefined ? Math.min(reads, perMinute) : mine);
      if (all) {
        // Not this person's doing: give their reads back.
        if (reader !== undefined) await person.reward(reader, mine);
        throw new AppError({
          status: 429,
          code: 'upstream_throttled',
          message: `This console's reads from Fireblocks for this minute are spent; try again in ${all} s.`,
          retryAfter: all,
        });
      }
    },
  };
}

/** 0 when the points were taken, else the whole seconds until they can be. */
async function consumed(limiter: RateLimiterMemory, key: string, points: number): Promise<number> {
  try {
    await limiter.consume(key, points);
    return 0;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}
