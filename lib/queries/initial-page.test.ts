import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { initialDataOf, initialFor } from './initial-page';

const page = { pageSize: 25, order: 'DESC' as const };
const readAt = Date.parse('2026-01-02T03:04:05Z');

describe('initialFor', () => {
  it('gives the server data, with the time it was read, to the page it was read for only', () => {
    const initial = { page, data: { data: [1], next: null }, readAt };
    const seeded = { initialData: initial.data, initialDataUpdatedAt: readAt };
    expect(initialFor({ ...page }, initial)).toEqual(seeded);
    expect(initialFor({ ...page, cursor: '' }, initial)).toEqual(seeded);
    expect(initialFor({ ...page, cursor: 'c1' }, initial)).toEqual({});
    expect(initialFor({ ...page, pageSize: 50 }, initial)).toEqual({});
    expect(initialFor({ ...page, order: 'ASC' }, initial)).toEqual({});
  });
  it('gives nothing when the server could not read it', () => {
    expect(initialFor(page, { page, data: null, readAt })).toEqual({});
    expect(initialFor(page, undefined)).toEqual({});
    expect(initialDataOf({ data: null, readAt })).toEqual({});
    expect(initialDataOf(undefined)).toEqual({});
  });
});

describe('server data in React Query keeps its real age', () => {
  /** Mounts an observer the way useQuery does and counts the fetches it starts. */
  function mount(readAgoMs: number) {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey: ['cosigner', 'c1'],
      queryFn: () => {
        fetches += 1;
        return Promise.resolve({ name: 'fresh' });
      },
      ...initialDataOf({ data: { name: 'from the server' }, readAt: Date.now() - readAgoMs }),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    return { client, observer, fetches: () => fetches, close: () => (unsubscribe(), client.clear()) };
  }

  it('data the server read a moment ago is fresh: no refetch on mount', () => {
    const q = mount(1_000);
    expect(q.observer.getCurrentResult().data).toEqual({ name: 'from the server' });
    expect(q.observer.getCurrentResult().isStale).toBe(false);
    expect(q.fetches()).toBe(0);
    q.close();
  });

  it('data read longer ago than staleTime is stale on arrival and refetched at once', () => {
    const q = mount(45_000);
    expect(q.observer.getCurrentResult().data).toEqual({ name: 'from the server' });
    expect(q.observer.getCurrentResult().isStale).toBe(true);
    expect(q.fetches()).toBe(1);
    q.close();
  });
});
