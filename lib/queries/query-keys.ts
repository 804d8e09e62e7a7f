import type { AuditFilter } from '@/lib/audit/audit-api-schemas';

/** The page of a cursor-paginated list, as the console's list routes take it. */
export interface PageParams {
  pageSize: number;
  order: 'ASC' | 'DESC';
  /** Opaque Fireblocks cursor; absent for the first page. */
  cursor?: string;
}

/** A page of the audit trail: the filter, and the opaque keyset cursor (absent for the newest page). */
export interface AuditListParams {
  filter: AuditFilter;
  pageSize: number;
  cursor?: string;
}

/** A filtered page of changes, as `GET /api/changes` takes it (lib/changes/change-api-schemas.ts). */
export interface ChangesQuery {
  state: 'open' | 'closed' | 'all';
  pageSize: number;
  cosignerId?: string;
  apiKeyId?: string;
  /** The previous page's `next`; absent for the first page. */
  cursor?: string;
}

/**
 * Every React Query key in the app, built here so invalidation after a mutation can name a whole resource
 * (e.g. `queryKeys.apiKeys.all(cosignerId)`) and hit every page of it.
 */
export const queryKeys = {
  cosigners: {
    all: () => ['cosigners'] as const,
    list: (p: PageParams) => ['cosigners', 'list', p.pageSize, p.order, p.cursor ?? ''] as const,
    detail: (cosignerId: string) => ['cosigners', 'detail', cosignerId] as const,
  },
  apiKeys: {
    all: (cosignerId: string) => ['api-keys', cosignerId] as const,
    list: (cosignerId: string, p: PageParams) =>
      ['api-keys', cosignerId, 'list', p.pageSize, p.order, p.cursor ?? ''] as const,
    detail: (cosignerId: string, apiKeyId: string) => ['api-keys', cosignerId, 'detail', apiKeyId] as const,
  },
  /** Both read the shared key index on the server; its walk, not these keys, decides how fresh they are. */
  search: (q: string) => ['search', q] as const,
  findings: (cosignerId?: string) => ['findings', cosignerId ?? ''] as const,
  changes: {
    all: () => ['changes'] as const,
    list: (q: ChangesQuery) =>
      ['changes', 'list', q.state, q.pageSize, q.cosignerId ?? '', q.apiKeyId ?? '', q.cursor ?? ''] as const,
    detail: (changeId: string) => ['changes', 'detail', changeId] as const,
    /** Under `changes`, so invalidating every change after a decision refreshes the inbox and its count too. */
    inbox: () => ['changes', 'inbox'] as const,
    inboxCount: () => ['changes', 'inbox', 'count'] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    list: (p: AuditListParams) => ['audit', 'list', p.filter, p.pageSize, p.cursor ?? ''] as const,
  },
  me: () => ['me'] as const,
  sessionDeadline: () => ['session', 'deadline'] as const,
  inspect: (body: { url?: string; publicKey?: string; cert?: string }) =>
    [
      'inspect',
      body.url ?? '',
      body.publicKey === undefined ? '' : 'publicKey',
      body.cert === undefined ? '' : 'cert',
      body.publicKey ?? body.cert ?? '',
    ] as const,
};
