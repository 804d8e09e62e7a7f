import type { IncomingHttpHeaders } from 'node:http';

import type { AuditLog } from '../audit-log';
import type { Lifecycle } from '../lifecycle';
import type { Store } from '../store';
import type { ForbiddenSwitches } from '../types';

/** Shared state handlers work on. */
export interface SimState {
  store: Store;
  lifecycle: Lifecycle;
  /** Fireblocks' workspace audit log: every accepted write leaves an entry. */
  auditLog: AuditLog;
  /** Which management endpoints answer 403. */
  forbidden: ForbiddenSwitches;
  auditLogPageSize: number;
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
  /** The verified caller: the API user whose key signed the request. */
  apiKey: string;
  params: { cosignerId?: string; apiKeyId?: string; requestId?: string };
}
