import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BACKGROUND_REQUEST_HEADER } from '@/lib/api-routes/background-request';
import type { ChangeState, ChangeWithTimeline } from '@/lib/queries/types';

import { ChangeDetails } from './change-details';

const CHANGE_ID = '0b6f9a52-4c1e-4a8e-9d1f-2f3a4b5c6d7e';
const CHANGE_PATH = `/api/changes/${CHANGE_ID}`;
const alice = {
  iss: 'https://idp.example',
  sub: 'alice',
  email: 'alice@example.com',
  name: 'Alice',
  role: 'admin' as const,
};

function changeIn(state: ChangeState, lastStatus: string | null): ChangeWithTimeline {
  return {
    id: CHANGE_ID,
    cosignerId: 'c1',
    apiKeyId: 'k1',
    state,
    proposer: alice,
    approver: null,
    reason: 'Rotate the handler key',
    decidedReason: null,
    before: { url: 'https://old.example.com', mode: 'publicKey', publicKeyFingerprint: 'aa'.repeat(32) },
    after: { url: 'https://callbacks.example.com', mode: 'publicKey', publicKeyFingerprint: 'bb'.repeat(32) },
    fireblocks: { requestId: 'r1', xRequestId: 'x1', lastStatus },
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-01-02T03:04:05Z',
    expiresAt: null,
    closedAt: state === 'sent' || state === 'unknown' ? null : '2026-01-02T03:05:05Z',
    preflight: null,
    timeline: [
      {
        seq: 1,
        at: '2026-01-02T03:04:05Z',
        kind: 'change_proposed',
        actor: { sub: 'alice', name: 'Alice', email: 'alice@example.com' },
        fireblocksStatus: null,
        detail: null,
      },
    ],
  };
}

/**
 * The console's change route as the page sees it: answers with whatever state the test sets and counts the reads.
 * (The route itself, following Fireblocks and reconciling, is covered by the server's tests against the simulator.)
 */
function changeRoute() {
  const route = {
    state: 'sent' as ChangeState,
    lastStatus: 'WAITING_FOR_APPROVAL' as string | null,
    reads: 0,
    /** Per read of the change: whether the page marked it as its own (a poll, not the admin's activity). */
    background: [] as boolean[],
    posts: [] as unknown[],
  };
  // A body read in promises only (undici's streams would wait on timers, which are fake here).
  const answer = (body: unknown) =>
    Promise.resolve({ ok: true, status: 200, headers: new Headers(), json: () => Promise.resolve(body) });
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    if (input === `${CHANGE_PATH}/reconcile` && init.method === 'POST') {
      route.posts.push(JSON.parse(typeof init.body === 'string' ? init.body : ''));
      route.state = 'failed';
      return answer({ data: changeIn(route.state, null) });
    }
    if (input === CHANGE_PATH) {
      route.reads += 1;
      route.background.push(new Headers(init.headers).get(BACKGROUND_REQUEST_HEADER) === '1');
      return answer({ data: changeIn(route.state, route.lastStatus) });
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

function renderChange(canReconcile = false) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <ChangeDetails
        changeId={CHANGE_ID}
        viewer={{ iss: 'https://idp.example', sub: 'bob', role: canReconcile ? 'admin' : 'viewer' }}
      />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the change page follows an open change', () => {
  it('backs off from 2 s, doubling while nothing changes', async () => {
    const route = changeRoute();
    renderChange();
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
    // An hour of waiting costs a read every 15 s, not 1,800 reads.
    const before = route.reads;
    await pass(3_600_000);
    expect(route.reads - before).toBeLessThan(245);
  });

  it('starts again at 2 s when the change moves, and stops once it is closed', async () => {
    const route = changeRoute();
    renderChange();
    await pass(0);
    await pass(2_000);
    await pass(4_000);
    expect(route.reads).toBe(3);
    route.lastStatus = 'APPROVED';
    await pass(8_000);
    expect(route.reads).toBe(4);
    await rendered();
    expect(screen.getByText('Status: Approved')).toBeTruthy();
    route.state = 'completed';
    route.lastStatus = 'COMPLETED';
    await pass(2_000);
    expect(route.reads).toBe(5);
    await rendered();
    expect(screen.getByText('Status: Completed')).toBeTruthy();
    await pass(600_000);
    expect(route.reads).toBe(5);
    // Coming back to a closed change's tab asks nothing either.
    setTabVisible(false);
    setTabVisible(true);
    await pass(0);
    expect(route.reads).toBe(5);
  });

  it("marks its polls as the page's own, so that a change left open on screen does not keep the session alive", async () => {
    const route = changeRoute();
    renderChange();
    await pass(0);
    await pass(2_000);
    await pass(4_000);
    // The first read is the admin opening the page; the rest the page following the change.
    expect(route.background).toEqual([false, true, true]);
  });

  it('does not poll while the tab is hidden, and reads at once when it is shown again', async () => {
    const route = changeRoute();
    renderChange();
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

describe('an unknown outcome', () => {
  it('warns to check in Fireblocks, offers no resend, and lets an admin mark it as not applied', async () => {
    const route = changeRoute();
    route.state = 'unknown';
    route.lastStatus = null;
    renderChange(true);
    await pass(0);
    await rendered();
    expect(screen.getByRole('alert').textContent).toContain('Outcome unknown — check in Fireblocks before retrying');
    expect(screen.queryByRole('button', { name: /send|retry/i })).toBeNull();
    expect(screen.getByRole('button', { name: /Mark as not applied/ })).toBeTruthy();
    // Still followed: the server reconciles it when read.
    route.state = 'completed';
    route.lastStatus = 'COMPLETED';
    await pass(2_000);
    await rendered();
    expect(screen.queryByText(/Outcome unknown/)).toBeNull();
    expect(screen.getByText('Status: Completed')).toBeTruthy();
  });

  it('a request Fireblocks does not know says "not found" in the warning colour, never a checked "Sent to Fireblocks"', async () => {
    const route = changeRoute();
    route.state = 'unknown';
    route.lastStatus = 'NOT_FOUND';
    renderChange(true);
    await pass(0);
    await rendered();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Fireblocks does not know this request (not found)');
    expect(alert.className).toContain('border-amber-400');
    expect(screen.queryByText('Sent to Fireblocks')).toBeNull();
    expect(screen.queryByText(/Status: /)).toBeNull();
  });

  it('gives a viewer the warning without the action', async () => {
    const route = changeRoute();
    route.state = 'unknown';
    renderChange(false);
    await pass(0);
    await rendered();
    expect(screen.getByRole('alert').textContent).toContain('Outcome unknown');
    expect(screen.queryByRole('button', { name: /Mark as not applied/ })).toBeNull();
  });

  it('marks the change as not applied only with a reason, after a confirmation', async () => {
    const route = changeRoute();
    route.state = 'unknown';
    renderChange(true);
    await pass(0);
    await rendered();
    fireEvent.click(screen.getByRole('button', { name: /Mark as not applied/ }));
    const dialog = screen.getByRole('dialog', { name: 'Mark the change as not applied?' });
    const confirm = within(dialog).getByRole('button', { name: 'Mark as not applied' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText('What did you check?'), {
      target: { value: 'No pending request for the key in Fireblocks' },
    });
    fireEvent.click(confirm);
    await pass(0);
    await rendered();
    expect(route.posts).toEqual([{ outcome: 'failed', reason: 'No pending request for the key in Fireblocks' }]);
    await pass(10);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Status: Failed')).toBeTruthy();
  });
});
