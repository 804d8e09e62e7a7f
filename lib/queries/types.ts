import type { GetChangeResponse } from '@/lib/changes/change-api-schemas';

/**
 * The shapes the console's API answers, as its routes define them (lib/cosigners/console-api-schemas.ts).
 * Type-only imports: the browser never loads zod for these, the server has already parsed.
 */
export type {
  ApiKeyResponse,
  ApiKeySummaryResponse,
  CosignerResponse,
  GetApiKeyResponse,
  GetCosignerResponse,
  ListApiKeysResponse,
  ListCosignersResponse,
} from '@/lib/cosigners/console-api-schemas';

export type { FireblocksRequestStatus } from '@/lib/fireblocks/upstream-schemas';

export type { ChangeActor } from '@/lib/change-model/actor-and-reason';
export type { ChangeState } from '@/lib/change-model/states';
export type {
  ChangeResponse,
  ChangeTimelineEntry,
  GetChangeResponse,
  HandlerSnapshot,
  ListChangesResponse,
  ProposeChangeResponse,
} from '@/lib/changes/change-api-schemas';
export type { InboxCountResponse, InboxItem, InboxResponse } from '@/lib/inbox/inbox-api-schemas';

/** A change with its timeline, as `GET /api/changes/{changeId}` answers it. */
export type ChangeWithTimeline = GetChangeResponse['data'];
