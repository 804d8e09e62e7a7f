import 'server-only';

/**
 * How long a page waits for Fireblocks while rendering on the server. Past it the page renders with
 * skeletons and the browser fetches through /api (which shows errors with their request ids), so a slow
 * or failing upstream never leaves the user staring at a blank tab.
 */
export const PREFETCH_BUDGET_MS = 2_500;

export const prefetchSignal = () => AbortSignal.timeout(PREFETCH_BUDGET_MS);
