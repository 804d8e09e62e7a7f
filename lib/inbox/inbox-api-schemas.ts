import { z } from 'zod';

import { CHANGE_STATES } from '@/lib/change-model/states';

/**
 * One thing in a person's inbox: a change and its latest move, in the words of the webhook notification of that
 * move. No server-only imports: the page reads it too.
 */
const inboxItemSchema = z.object({
  changeId: z.string(),
  cosignerId: z.string(),
  apiKeyId: z.string(),
  state: z.enum(CHANGE_STATES),
  /** When the change made the move (ISO 8601). */
  at: z.iso.datetime({ precision: 3 }),
  /** The webhook's summary line of that move (Slack's escapes undone: the page shows text, not markup). */
  text: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** `GET /api/inbox`: what needs the signed-in person. */
export const inboxResponseSchema = z.object({
  /** Changes awaiting their approval (proposed by someone else, not expired), oldest first: the longest wait first. */
  awaitingApproval: z.array(inboxItemSchema),
  /** Their changes (proposed or approved) that moved since they last marked the inbox seen, newest first. */
  moved: z.array(inboxItemSchema),
  /** When they last marked it seen; null if never. */
  seenAt: z.iso.datetime({ precision: 3 }).nullable(),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

/** `GET /api/inbox/count`: the header's badge. */
export const inboxCountResponseSchema = z.object({
  count: z.number().int().nonnegative(),
  awaitingApproval: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
});
export type InboxCountResponse = z.infer<typeof inboxCountResponseSchema>;

/**
 * `POST /api/inbox/seen`: marks everything up to `through` as seen (the newest move the page showed, so that a move
 * that arrived meanwhile stays new); now when absent. A mark never moves back, nor past the server's clock.
 */
export const markInboxSeenBodySchema = z.strictObject({
  through: z.iso.datetime({ offset: true }).optional(),
});
export type MarkInboxSeenBody = z.input<typeof markInboxSeenBodySchema>;

export const markInboxSeenResponseSchema = z.object({ seenAt: z.iso.datetime({ precision: 3 }) });
