import { z } from 'zod';

import {
  apiKeyIdSchema,
  cosignerIdSchema,
  FIREBLOCKS_REQUEST_STATUSES,
  requestIdSchema,
} from '@/lib/fireblocks/upstream-schemas';

/**
 * What the console's own API answers (the browser's contract), as opposed to lib/fireblocks/upstream-schemas.ts, which
 * mirrors what Fireblocks sends. Routes parse upstream data through these, so a field Fireblocks adds tomorrow is
 * dropped here instead of leaking to the browser, and the UI can rely on exactly these shapes.
 * No server-only import: the UI imports the types. Lists are `{ data, next }`, single resources `{ data }`.
 */
const opt = <T extends z.ZodType>(schema: T) => schema.optional();

/** Route params (`app/api/cosigners/[cosignerId]/...`); a bad one is a 400 keyed by its name. */
export const cosignerParamsSchema = z.object({ cosignerId: cosignerIdSchema });
export const apiKeyParamsSchema = cosignerParamsSchema.extend({ apiKeyId: apiKeyIdSchema });
export const requestStatusParamsSchema = apiKeyParamsSchema.extend({ requestId: requestIdSchema });

export const cosignerResponseSchema = z.object({
  id: z.string(),
  archived: z.boolean(),
  name: opt(z.string()),
  type: opt(z.string()),
  version: opt(z.object({ hash: z.string(), name: opt(z.string()) })),
});

/**
 * The API user a key belongs to (a key's id is its API user's id), as Fireblocks' `GET /management/api_users` names
 * it; `null` on a key when no API user has its id or names could not be read (the answer's `apiUsers` says which).
 * `role` (e.g. `SIGNER`, `ADMIN`, `NON_SIGNING_ADMIN`), `status` and `enabled` are null when Fireblocks did not say.
 */
export const apiUserResponseSchema = z.object({
  name: z.string().min(1),
  role: z.string().nullable(),
  status: z.string().nullable(),
  enabled: z.boolean().nullable(),
});

const API_USERS_UNAVAILABLE_REASONS = ['forbidden', 'upstream_error', 'timeout'] as const;

/**
 * Said once per answer that holds keys: whether API user names could be read, and when not, why (`forbidden`: the
 * console's API user may not list API users, it needs the Admin or Non-Signing Admin role; `upstream_error`: the read
 * failed; `timeout`: it did not answer in time). Names missing never fail the answer itself.
 */
export const apiUsersStatusSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({
    available: z.literal(false),
    reason: z.enum(API_USERS_UNAVAILABLE_REASONS),
    message: z.string(),
    fireblocksRequestId: opt(z.string()),
  }),
]);

export const apiKeyResponseSchema = z.object({
  id: z.string(),
  lastSeen: opt(z.string()),
  callbackHandler: opt(z.object({ url: z.string(), publicKey: opt(z.string()), certPublicKeyHash: opt(z.string()) })),
  apiUser: apiUserResponseSchema.nullable(),
});

/**
 * A key as a list shows it: the public key by its SPKI SHA-256 fingerprint, computed on the server
 * (lib/cosigners/api-key-summary.ts), instead of the PEM. A page of 100 keys would otherwise ship 100 PEMs for the
 * browser to hash; the full PEM stays on GET .../api-keys/{apiKeyId}, which the edit page reads.
 * `publicKeyFingerprint`: lowercase hex; null when a public key is set but is not a readable SPKI PEM; absent when
 * the handler has no public key.
 */
const apiKeySummarySchema = z.object({
  id: z.string(),
  lastSeen: opt(z.string()),
  callbackHandler: opt(
    z.object({ url: z.string(), publicKeyFingerprint: opt(z.string().nullable()), certPublicKeyHash: opt(z.string()) }),
  ),
  apiUser: apiUserResponseSchema.nullable(),
});

const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next: z.string().nullable() });

export const listCosignersResponseSchema = pageOf(cosignerResponseSchema);
export const getCosignerResponseSchema = z.object({ data: cosignerResponseSchema });
export const listApiKeysResponseSchema = pageOf(apiKeySummarySchema).extend({ apiUsers: apiUsersStatusSchema });
export const getApiKeyResponseSchema = z.object({ data: apiKeyResponseSchema, apiUsers: apiUsersStatusSchema });

/** GET /api/api-users: every API user by id, for pages that show keys of several cosigners (changes, audit). */
export const listApiUsersResponseSchema = z.object({
  data: z.array(apiUserResponseSchema.extend({ id: z.string() })),
  apiUsers: apiUsersStatusSchema,
});

export const getRequestStatusResponseSchema = z.object({
  data: z.object({ status: z.enum(FIREBLOCKS_REQUEST_STATUSES), type: z.string() }),
});

export const meResponseSchema = z.object({
  name: z.string(),
  email: z.string(),
  // A session without a role never gets here: every API route answers it 403.
  role: z.enum(['admin', 'viewer']),
  /** True when the upstream is the simulator: the UI shows the "simulated Fireblocks" banner. */
  simulated: z.boolean(),
  /** When the user last authenticated at the IdP (ISO 8601), or null when the IdP did not say. */
  authTime: z.string().nullable(),
  /** STEP_UP_MAX_AGE: approving needs `authTime` at most this old, else a fresh sign-in first. */
  stepUpMaxAgeSeconds: z.number().int(),
  /**
   * Seconds, counted by the server when it answered, until the sign-in is too old to approve (0: a fresh sign-in
   * comes first now). The page counts down from its own receipt of the answer, so a browser clock that is off does
   * not matter.
   */
  stepUpSecondsLeft: z.number().int().nonnegative(),
  /** PREFLIGHT: whether a failing check of a handler's target refuses its approval (`block`), shows only, or is off. */
  preflightMode: z.enum(['block', 'warn', 'off']),
});

export type CosignerParams = z.infer<typeof cosignerParamsSchema>;
export type ApiKeyParams = z.infer<typeof apiKeyParamsSchema>;
export type RequestStatusParams = z.infer<typeof requestStatusParamsSchema>;
export type CosignerResponse = z.infer<typeof cosignerResponseSchema>;
export type ApiKeyResponse = z.infer<typeof apiKeyResponseSchema>;
/** A key's callback handler as the console's API answers it (the PEM of a public key, a certificate by its hash). */
export type ApiKeyCallbackHandler = NonNullable<ApiKeyResponse['callbackHandler']>;
export type ApiKeySummaryResponse = z.infer<typeof apiKeySummarySchema>;
export type ApiUserResponse = z.infer<typeof apiUserResponseSchema>;
export type ApiUsersStatus = z.infer<typeof apiUsersStatusSchema>;
export type ListApiUsersResponse = z.infer<typeof listApiUsersResponseSchema>;
export type ListCosignersResponse = z.infer<typeof listCosignersResponseSchema>;
export type GetCosignerResponse = z.infer<typeof getCosignerResponseSchema>;
export type ListApiKeysResponse = z.infer<typeof listApiKeysResponseSchema>;
export type GetApiKeyResponse = z.infer<typeof getApiKeyResponseSchema>;
