import Link from 'next/link';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { InboxBadge } from './inbox-badge';

/**
 * The count route as the header sees it: answers whatever count the test sets and counts the reads. (The route and
 * its count are covered against a real server and database in tests/api/inbox.test.ts.)
 */
function inboxRoute() {
  const route = { count: 0, reads: 0, paths: new Set<string>() };
  vi.stubGlobal('fetch', (input: string) => {
    route.reads += 1;
    route.paths.add(input);
    // A body read in promises only (undici's streams would wait on timers, which are fake here).
    return Promise.resolve({
      ok: true,
      status: 200,
      headers: new Headers(),
      json: () => Promise.resolve({ count: route.count, awaitingApproval: route.count, moved: 0 }),
    });
  });
  return route;
}

/** Lets `ms` of (fake) time pass, running the reads that fall due and handing their results to React. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function setTabVisible(visible: boolean) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visible ? 'visible' : 'hidden');
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

function renderInLink() {
  // The app's own defaults (lib/queries/get-query-client.ts): the hook must refetch in spite of them.
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <Link href="/inbox">
        Inbox
        <InboxBadge />
      </Link>
    </QueryClientProvider>,
  );
}

const link = () => screen.getByRole('link');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the inbox badge', () => {
  it('shows the count with a label for screen readers, and nothing when it is 0', async () => {
    const route = inboxRoute();
    route.count = 2;
    renderInLink();
    await pass(1);
    expect(route.paths).toEqual(new Set(['/api/inbox/count']));
    expect(screen.getByTestId('inbox-count').textContent).toBe('2');
    expect(link().getAttribute('href')).toBe('/inbox');
    expect(screen.getByRole('link', { name: /^Inbox ?, 2 items need you$/ })).toBeTruthy();

    route.count = 0;
    await pass(15_000);
    expect(screen.queryByTestId('inbox-count')).toBeNull();
    expect(link().textContent).toBe('Inbox');
  });

  it('says "1 change" in the singular', async () => {
    const route = inboxRoute();
    route.count = 1;
    renderInLink();
    await pass(1);
    expect(screen.getByRole('link', { name: /^Inbox ?, 1 item needs you$/ })).toBeTruthy();
  });

  it('re-reads every 15 s while the tab is visible, never while hidden, and at once when it is shown again', async () => {
    const route = inboxRoute();
    renderInLink();
    await pass(1);
    expect(route.reads).toBe(1);
    expect(screen.queryByTestId('inbox-count')).toBeNull();

    route.count = 3;
    await pass(14_990);
    expect(route.reads).toBe(1);
    await pass(10);
    expect(route.reads).toBe(2);
    expect(screen.getByTestId('inbox-count').textContent).toBe('3');

    setTabVisible(false);
    await pass(60_000);
    expect(route.reads).toBe(2);

    route.count = 4;
    setTabVisible(true);
    await pass(1);
    expect(route.reads).toBe(3);
    expect(screen.getByTestId('inbox-count').textContent).toBe('4');
  });
});
