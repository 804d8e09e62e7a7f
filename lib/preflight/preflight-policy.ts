import 'server-only';

import type { AppConfig } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

import type { PreflightMode, PreflightResult } from './preflight-schemas';
import { runPreflight, type PreflightTarget } from './run-preflight';

/** How this deployment checks a handler's target (PREFLIGHT), and the check itself. */
export interface PreflightPolicy {
  mode: PreflightMode;
  /** Runs the check; the callers ask `checkIfOn` so that `off` never probes. */
  check(target: PreflightTarget): Promise<PreflightResult>;
}

/** The policy of this deployment's configuration. */
export function preflightPolicyOf(config: AppConfig): PreflightPolicy {
  const options = { simulated: config.fireblocks.simulated, extraCaPems: config.preflight.extraCaPems };
  return { mode: config.preflight.mode, check: (target) => runPreflight(target, options) };
}

/** The check, or null with PREFLIGHT=off. */
export function checkIfOn(policy: PreflightPolicy, target: PreflightTarget): Promise<PreflightResult | null> {
  return policy.mode === 'off' ? Promise.resolve(null) : policy.check(target);
}

/** Whether this result refuses an approval (PREFLIGHT=block and a `fail`). */
export function blocksApproval(policy: PreflightPolicy, result: PreflightResult | null): result is PreflightResult {
  return policy.mode === 'block' && result?.verdict === 'fail';
}

/** 409 `preflight_failed`: the approval (or the immediate send) is refused; the summary says what to fix. */
export function preflightFailed(result: PreflightResult, changeId?: string): AppError {
  return new AppError({
    status: 409,
    code: 'preflight_failed',
    message: `Not approved: ${result.summary} Fix the handler or its server, then check again.`,
    ...(changeId ? { changeId } : {}),
  });
}

/** An on-demand check while PREFLIGHT=off: refused, since the operator chose that the console never probes. */
export function preflightOff(): AppError {
  return new AppError({
    status: 409,
    code: 'conflict',
    message: 'Pre-flight checks are turned off in this deployment (PREFLIGHT=off).',
  });
}

/** PREFLIGHT=off: nothing is probed (the change suites that are not about the check, the changes bench). */
export const PREFLIGHT_OFF: PreflightPolicy = {
  mode: 'off',
  check: () => Promise.reject(new Error('pre-flight is off: checkIfOn never calls this')),
};
