import 'server-only';

import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { processWide } from '@/lib/runtime/process-wide';

import { LOGIN_STATE_TTL_SECONDS } from './login-state';

/**
 * What /auth/callback keeps in memory, and only there, about callbacks nobody has proven yet: an unauthenticated
 * client may cost the console CPU and an answer, never a row. Everything here is bounded (a fixed number of keys)
 * and per process; what must hold on every replica (a login state makes one session) is the session row's unique
 * login_state_hash, written only by a sign-in that succeeded.
 */
export interface CallbackGuard {
  /** Marks a login state as taken by this callback; false when one before it on this process took it already. */
  take(loginStateHash: string): boolean;
  /** Seconds until a callback may ask the IdP for tokens again (0: now), after too many refused exchanges. */
  exchangeWaitSeconds(): Promise<number>;
  /** Counts one token exchange the IdP refused (a forged or replayed code, an error answer). */
  exchangeRefused(): Promise<void>;
  /** Whether one more refusal of this IdP subject may be written to the audit trail (else it is only logged). */
  mayRecordRefusal(subjectKey: string): Promise<boolean>;
}

export interface CallbackGuardLimits {
  /** Refused token exchanges per `exchangeWindowSec`, for the whole process, before callbacks are answered 429. */
  exchangeRefusals: number;
  exchangeWindowSec: number;
  /** `sign_in_refused` events per IdP subject per `refusalWindowSec`; more are logged, not written. */
  refusalsPerSubject: number;
  refusalWindowSec: number;
}

/**
 * 20 refused exchanges in 10 s: a person who mistypes nothing at the IdP never sees one (a refused exchange needs a
 * forged or replayed code), a script gets 2 a second. 5 recorded refusals per subject in 10 min: enough to see a
 * pattern, too few to bury the trail.
 */
const CALLBACK_GUARD_LIMITS: CallbackGuardLimits = {
  exchangeRefusals: 20,
  exchangeWindowSec: 10,
  refusalsPerSubject: 5,
  refusalWindowSec: 600,
};

/** Login states remembered as taken (each for its 10 minutes of life); the least recent go first beyond it. */
const MAX_TRACKED = 10_000;

export function createCallbackGuard(limits: CallbackGuardLimits = CALLBACK_GUARD_LIMITS): CallbackGuard {
  const taken = new LRUCache<string, true>({ max: MAX_TRACKED, ttl: LOGIN_STATE_TTL_SECONDS * 1000 });
  // One key for the whole process: keying by client address would trust a header anyone can set.
  const exchanges = new RateLimiterMemory({ points: limits.exchangeRefusals, duration: limits.exchangeWindowSec });
  const refusals = new RateLimiterMemory({ points: limits.refusalsPerSubject, duration: limits.refusalWindowSec });
  const ALL = 'all';
  return {
    take(hash) {
      if (taken.has(hash)) return false;
      taken.set(hash, true);
      return true;
    },
    async exchangeWaitSeconds() {
      const res = await exchanges.get(ALL);
      if (!res || res.remainingPoints > 0) return 0;
      return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    },
    async exchangeRefused() {
      await exchanges.penalty(ALL, 1);
    },
    async mayRecordRefusal(subjectKey) {
      try {
        await refusals.consume(subjectKey);
        return true;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection;
      }
    },
  };
}

/** The process's guard (one for every route bundle that loads this module). */
export function callbackGuard(): CallbackGuard {
  return processWide('auth-callback-guard', () => createCallbackGuard());
}
