import { BACKGROUND_REQUEST_HEADER } from '@/lib/api-routes/background-request';
import { ApiError, toApiError } from './api-error';

export interface FetchJsonOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Made by the page on its own (a poll): not the admin's activity (see BACKGROUND_REQUEST_HEADER). */
  background?: boolean;
}

/**
 * The browser's one way to call the console's API: same-origin, cookies included, JSON both ways.
 * Resolves with the parsed body on 2xx; throws ApiError otherwise (and for a network failure, status 0).
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  if (!path.startsWith('/api/')) throw new Error('fetchJson only calls this app’s own /api routes');
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.background ? { [BACKGROUND_REQUEST_HEADER]: '1' } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'internal',
      message: 'Could not reach the console’s server. Check your connection.',
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const h = response.headers;
    throw toApiError(response.status, body, h.get('x-request-id'), h.get('retry-after'));
  }
  return body as T;
}
