import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { searchQuerySchema } from '@/lib/search/search-api-schemas';
import { searchIndex } from '@/lib/search/search-index';
import type { KeyIndex } from '@/lib/search/key-index-types';

import { SearchView } from './search-view';

const INDEX: KeyIndex = {
  cosigners: [{ id: '7f1c2a9e-0000-4000-8000-000000000001', name: 'Treasury SGX', archived: false }],
  keys: [
    {
      cosignerId: '7f1c2a9e-0000-4000-8000-000000000001',
      cosignerName: 'Treasury SGX',
      cosignerArchived: false,
      apiKeyId: 'key-one',
      url: 'https://callback-handler.treasury.example/fireblocks',
      apiUser: null,
    },
  ],
  asOf: new Date().toISOString(),
  apiUsers: { available: true },
};

/** GET /api/search served in-process by the route's own query schema and matching, over a fixed index. */
function fakeSearchApi() {
  const queries: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://app',
    );
    const { q } = searchQuerySchema.parse(Object.fromEntries(url.searchParams));
    queries.push(q);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return Response.json(searchIndex(INDEX, q));
  };
  return { fetch, queries };
}

function renderView(initialQuery = '') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SearchView initialQuery={initialQuery} />
    </QueryClientProvider>,
  );
  return screen.getByRole('searchbox', { name: 'Search every page of every cosigner' });
}

describe('SearchView', () => {
  let api: ReturnType<typeof fakeSearchApi>;
  beforeEach(() => {
    api = fakeSearchApi();
    vi.stubGlobal('fetch', api.fetch);
    window.history.replaceState(null, '', '/search');
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('keeps every keystroke typed fast, then searches once and writes the query to the URL', async () => {
    const box = renderView();
    await userEvent.type(box, 'callback-handler', { delay: 20 });
    expect(box).toHaveProperty('value', 'callback-handler');
    await screen.findByText('1 API key', { exact: false });
    expect(api.queries).toEqual(['callback-handler']);
    expect(window.location.search).toBe('?q=callback-handler');
    expect(screen.getByRole('link', { name: 'key-one' }).getAttribute('href')).toBe(
      `/cosigners/${INDEX.cosigners[0]?.id}/api-keys/key-one`,
    );
  });

  it('starts from the URL once, shows results and how fresh they are, and says when nothing matches', async () => {
    const box = renderView('treasury');
    expect(box).toHaveProperty('value', 'treasury');
    await screen.findByText('1 cosigner and 1 API key match “treasury”.');
    expect(screen.getByText(/^Results as of/)).toBeTruthy();
    await userEvent.clear(box);
    await userEvent.type(box, 'nothing-here{Enter}');
    await screen.findByText('Nothing matches “nothing-here”.');
    await waitFor(() => expect(window.location.search).toBe('?q=nothing-here'));
  });

  it('asks for two characters before it searches', async () => {
    const box = renderView();
    await userEvent.type(box, 'a');
    await screen.findByText('Type at least 2 characters.');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.queries).toEqual([]);
  });
});
