import { isServer, QueryClient } from '@tanstack/react-query';

import { ApiError } from './api-error';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server is not refetched the moment the page hydrates.
        staleTime: 30_000,
        // The server's Fireblocks client already retries reads; here only a lost connection is worth one more
        // try. An answered error (4xx/5xx with a body) goes straight to the error state and its Retry button.
        retry: (failureCount, error) => failureCount < 1 && error instanceof ApiError && error.status === 0,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server request (no data shared between users); one client for the life of the tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
