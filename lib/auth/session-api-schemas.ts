import { z } from 'zod';

/** One of the signed-in user's live sessions, as `GET /api/sessions` lists it (no server-only imports: the page reads it). */
export const sessionSummarySchema = z.object({
  /** A public handle (the start of the row's hash), never the cookie's id: listing hands out nothing replayable. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** The absolute end (8 h after sign-in); the idle end is 30 min after lastSeenAt. */
  expiresAt: z.iso.datetime(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionListResponseSchema = z.object({ data: z.array(sessionSummarySchema) });

/** `POST /api/sessions/revoke-all`: ends every session of mine, the current one too only when asked. */
export const revokeAllSessionsBodySchema = z.strictObject({ includeCurrent: z.boolean().default(false) });
export type RevokeAllSessionsBody = z.input<typeof revokeAllSessionsBodySchema>;

export const revokeAllSessionsResponseSchema = z.object({ ended: z.number().int().nonnegative() });

export const sessionHandleSchema = sessionSummarySchema.shape.id;
