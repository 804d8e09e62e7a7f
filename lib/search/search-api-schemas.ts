import { z } from 'zod';

import { openChangeRefSchema } from '@/lib/change-model/states';
import { apiUserResponseSchema, apiUsersStatusSchema } from '@/lib/cosigners/console-api-schemas';

/**
 * GET /api/search: the query and the answer. No server-only import: the search box parses the same query rules.
 */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 200;
/** At most this many keys and this many cosigners per answer; `truncated` says more matched. */
export const SEARCH_RESULT_CAP = 50;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(SEARCH_QUERY_MIN, `Type at least ${SEARCH_QUERY_MIN} characters.`)
    .max(SEARCH_QUERY_MAX, `At most ${SEARCH_QUERY_MAX} characters.`),
  /** `1`: walk the workspace again unless the last walk is only seconds old. */
  refresh: z.enum(['1']).optional(),
});

const KEY_MATCH_KINDS = ['id', 'name', 'host', 'url', 'fingerprint'] as const;

const searchCosignerSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  archived: z.boolean(),
});

const searchKeySchema = z.object({
  cosignerId: z.string(),
  cosignerName: z.string().optional(),
  apiKeyId: z.string(),
  url: z.string().optional(),
  host: z.string().optional(),
  /** The public key's SPKI SHA-256 or the certificate's `certPublicKeyHash`, lowercase hex. */
  fingerprint: z.string().optional(),
  /** The key's API user (`name` is what a `name` match found), or null. */
  apiUser: apiUserResponseSchema.nullable(),
  match: z.enum(KEY_MATCH_KINDS),
  /** The key's open change, if any. */
  openChange: openChangeRefSchema.optional(),
});

export const searchResponseSchema = z.object({
  cosigners: z.array(searchCosignerSchema),
  keys: z.array(searchKeySchema),
  /** When the walk these results come from started (ISO). */
  asOf: z.string(),
  /** More keys or cosigners matched than the answer holds. */
  truncated: z.boolean(),
  /** How much the walk read: what "nothing matches" was looked for in. */
  searched: z.object({ cosigners: z.number().int(), keys: z.number().int() }),
  /** Whether the walk could read API user names (what a search by name looks in), and why not. */
  apiUsers: apiUsersStatusSchema,
});

export type KeyMatchKind = (typeof KEY_MATCH_KINDS)[number];
export type SearchKey = z.infer<typeof searchKeySchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
