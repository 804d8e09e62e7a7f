import type { IncomingHttpHeaders } from 'node:http';

import type { Lifecycle } from '../lifecycle';
import type { Store } from '../store';

/** Shared state handlers work on. */
export interface SimState {
  store: Store;
  lifecycle: Lifecycle;
  /** Signs page cursors; derived from the seed so cursors are stable across runs. */
  cursorSecret: Buffer;
}

/** One authenticated /v1 request, path already split. */
export interface RouteRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  nowMs: number;
  params: { cosignerId?: string; apiKeyId?: string; requestId?: string };
}
