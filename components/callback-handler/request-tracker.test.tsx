import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { RequestState } from '@/lib/queries/types';

import { RequestTracker } from './request-tracker';

const STATUS_PATH = '/api/cosigners/c1/api-keys/k1/requests/r1';

/**
 * The console's request-status route as the tracker sees it: answers with whatever state the test sets and counts
 * the reads. (The route itself, signed calls to Fireblocks included, is covered by tests/api against the simulator.)
 */
function statusRoute() {
  const route = { state: 'WAITING_FOR_APPROVAL' as RequestState, reads: 0 };
  // A body read in promises only (undici's streams would wait on timers, which are fake here).
  const answer = (body: unknown) => Promise.resolve({ ok: true, status: 200, headers: new Headers(), json: () => Promise.resolve(body) });
  vi.stubGlobal('fetch', (input: string) => {
    if (input === STATUS_PATH) {
      route.reads += 1;
      return answer({ data: { status: route.state, type: 'UPDATE_CALLBACK_HANDLER' } });
    }
    return answer({ data: { id: 'k1', callbackHandler: { url: 'https://callbacks.example.com' } } });
  });
  return route;
}

/** Lets `ms` of (fake) time pass, running the polls that fall due. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** React Query hands a result to React on a zero-delay timer, which fake time runs once the clock moves on. */
const rendered = () => pass(1);

function setTabVisible(visible: boolean) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visible ? 'visible' : 'hidden');
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

function renderTracker() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } } });
  render(
    <QueryClientProvider client={client}>
      <RequestTracker cosignerId="c1" apiKeyId="k1" requestId="r1" onNewChange={() => undefined} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RequestTracker polling', () => {
  it('backs off from 2 s, doubling while the state stays the same', async () => {
    const route = statusRoute();
    renderTracker();
    await pass(0);
    expect(route.reads).toBe(1);
    await rendered();
    expect(screen.getByText('Status: Waiting for approval')).toBeTruthy();
    // Reads at +2 s, then +4 s, then +8 s after the one before (the clock is at 1 ms now).
    await pass(1_998);
    expect(route.reads).toBe(1);
    await pass(1);
    expect(route.reads).toBe(2);
    await pass(3_999);
    expect(route.reads).toBe(2);
    await pass(1);
    expect(route.reads).toBe(3);
    await pass(7_999);
    expect(route.reads).toBe(3);
    await pass(1);
    expect(route.reads).toBe(4);
    // An hour of waiting costs about a read a minute, not 1,800 reads.
    const before = route.reads;
    await pass(3_600_000);
    expect(route.reads - before).toBeLessThan(70);
  });

  it('starts again at 2 s when the state changes, and stops at a terminal state', async () => {
    const route = statusRoute();
    renderTracker();
    await pass(0);
    await pass(2_000);
    await pass(4_000);
    expect(route.reads).toBe(3);
    route.state = 'APPROVED';
    await pass(8_000);
    expect(route.reads).toBe(4);
    await rendered();
    expect(screen.getByText('Status: Approved')).toBeTruthy();
    route.state = 'COMPLETED';
    await pass(2_000);
    expect(route.reads).toBe(5);
    await rendered();
    expect(screen.getByText('Status: Completed')).toBeTruthy();
    await pass(600_000);
    expect(route.reads).toBe(5);
    // Coming back to a finished request's tab asks nothing either.
    setTabVisible(false);
    setTabVisible(true);
    await pass(0);
    expect(route.reads).toBe(5);
  });

  it('does not poll while the tab is hidden, and reads at once when it is shown again', async () => {
    const route = statusRoute();
    renderTracker();
    await pass(0);
    expect(route.reads).toBe(1);
    setTabVisible(false);
    await pass(30 * 60_000);
    expect(route.reads).toBe(1);
    setTabVisible(true);
    await pass(0);
    expect(route.reads).toBe(2);
  });
});
