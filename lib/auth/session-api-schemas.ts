import { z } from 'zod';

/** One of the signed-in user's live sessions, as `GET /api/sessions` lists it (no server-only imports: the page reads it). */
const sessionSummarySchema = z.object({
  /** A public handle (the start of the row's hash), never the cookie's id: listing hands out nothing replayable. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** The absolute end (8 h after sign-in); the idle end is 30 min after lastSeenAt. */
  expiresAt: z.iso.datetime(),
  /** The session this request came with. */
  current: z.boolean(),
  /** The browser and system it signed in from, as people name them ("Chrome 131 on Linux"); null when unknown. */
  browser: z.string().nullable(),
  /** The address it signed in from, as the app saw it (TRUSTED_PROXY_HOPS); null when unknown. */
  ip: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionListResponseSchema = z.object({ data: z.array(sessionSummarySchema) });

/** `POST /api/sessions/revoke-all`: ends every session of mine, the current one too only when asked. */
export const revokeAllSessionsBodySchema = z.strictObject({ includeCurrent: z.boolean().default(false) });
export type RevokeAllSessionsBody = z.input<typeof revokeAllSessionsBodySchema>;

export const revokeAllSessionsResponseSchema = z.object({ ended: z.number().int().nonnegative() });

export const sessionHandleSchema = sessionSummarySchema.shape.id;

/**
 * `GET /api/sessions/current` (read without extending the session) and `POST /api/sessions/keepalive` (extends it):
 * when the current session ends, so a page holding unsaved input can warn before it does.
 */
export const sessionDeadlineResponseSchema = z.object({
  /** 30 min after the last recorded activity. */
  idleExpiresAt: z.iso.datetime(),
  /** The absolute end, 8 h after sign-in: no activity moves it. */
  expiresAt: z.iso.datetime(),
  /** Seconds until the earlier of the two, counted by the server (the browser's clock may be off). */
  secondsLeft: z.number().int().nonnegative(),
});
export type SessionDeadlineResponse = z.infer<typeof sessionDeadlineResponseSchema>;
