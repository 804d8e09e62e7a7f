/**
 * A change's states and the one table of moves between them. A leaf: it imports nothing of the console, so the
 * database layer, the notifier, the change functions and the browser's contract all read the same list.
 * `transitionChange` refuses a move that is not in the table; docs/data.md, "The allowed moves", quotes it.
 */

import { z } from 'zod';

export const CHANGE_STATES = [
  'awaiting_approval',
  'sending',
  'sent',
  'completed',
  'rejected',
  'cancelled',
  'failed',
  'unknown',
  'declined',
  'withdrawn',
  'expired',
  'stale',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/** A change in one of these holds its key: no second change can be opened for that key. */
export const OPEN_CHANGE_STATES = [
  'awaiting_approval',
  'sending',
  'sent',
  'unknown',
] as const satisfies readonly ChangeState[];
const OPEN: ReadonlySet<ChangeState> = new Set(OPEN_CHANGE_STATES);
export const isOpenChangeState = (state: ChangeState): boolean => OPEN.has(state);
export const CLOSED_CHANGE_STATES: readonly ChangeState[] = CHANGE_STATES.filter((s) => !OPEN.has(s));

/** A key's open change as findings and search name it (lib/db/read-open-changes.ts reads them). */
export const openChangeRefSchema = z.object({ id: z.string(), state: z.enum(CHANGE_STATES) });
export type OpenChangeRef = z.infer<typeof openChangeRefSchema>;

/** States in which nothing of a change has been sent to Fireblocks (yet, or ever): it has no Fireblocks id to show. */
const NOT_SENT: ReadonlySet<ChangeState> = new Set(['awaiting_approval', 'declined', 'withdrawn', 'expired', 'stale']);
/** Whether the change is being, or was, sent to Fireblocks: only then can it carry Fireblocks ids. */
export const reachesFireblocks = (state: ChangeState): boolean => !NOT_SENT.has(state);

/**
 * Who moves a change: its proposer, another admin (never the proposer: the database refuses that approver too),
 * any admin, or the console itself (Fireblocks answered, a request status was read, the clock ran out).
 */
export type Mover = 'proposer' | 'another_admin' | 'any_admin' | 'console';

export interface AllowedMove {
  /** Null for the proposal, which inserts the change. */
  from: ChangeState | null;
  to: ChangeState;
  by: Mover;
  /** The audit event that records the move. */
  event: string;
  /** When it happens, in words. */
  when: string;
}

/**
 * Every move a change can make: from (null: the proposal, which inserts the change), to, who moves it, the audit
 * event that records it, and when. A status read that changes only the last Fireblocks status is `sent -> sent`.
 */
// prettier-ignore
const MOVES: ReadonlyArray<readonly [ChangeState | null, ChangeState, Mover, string, string]> = [
  [null,                'awaiting_approval', 'proposer',      'change_proposed',   'proposed, CHANGE_APPROVALS=1'],
  [null,                'sending',           'proposer',      'change_proposed',   'proposed, CHANGE_APPROVALS=0'],
  ['awaiting_approval', 'sending',           'another_admin', 'change_approved',   'approved, live handler unchanged'],
  ['awaiting_approval', 'stale',             'another_admin', 'change_stale',      'approving found the handler moved'],
  ['awaiting_approval', 'declined',          'another_admin', 'change_declined',   'declined, with a reason'],
  ['awaiting_approval', 'withdrawn',         'proposer',      'change_withdrawn',  'withdrawn'],
  ['awaiting_approval', 'expired',           'console',       'change_expired',    'read past its expiry'],
  ['sending',           'sent',              'console',       'change_sent',       'Fireblocks answered 202'],
  ['sending',           'failed',            'console',       'change_failed',     'Fireblocks refused the PATCH'],
  ['sending',           'unknown',           'console',       'change_unknown',    'no answer, or its sender is gone'],
  ['sent',              'sent',              'console',       'change_status',     'a new request status, not final'],
  ['sent',              'completed',         'console',       'change_completed',  'request COMPLETED'],
  ['sent',              'rejected',          'console',       'change_rejected',   'request REJECTED'],
  ['sent',              'cancelled',         'console',       'change_status',     'request CANCELLED'],
  ['sent',              'unknown',           'console',       'change_unknown',    'request unknown to Fireblocks'],
  ['unknown',           'sent',              'console',       'change_sent',       'late 202, sender given up'],
  ['unknown',           'failed',            'console',       'change_failed',     'late refusal, sender given up'],
  ['unknown',           'sent',              'console',       'change_reconciled', 'request status read, not final'],
  ['unknown',           'completed',         'console',       'change_reconciled', 'handler is live, or COMPLETED'],
  ['unknown',           'rejected',          'console',       'change_reconciled', 'request REJECTED'],
  ['unknown',           'cancelled',         'console',       'change_reconciled', 'request CANCELLED'],
  ['unknown',           'failed',            'any_admin',     'change_reconciled', 'an admin checked: not applied'],
];

export const ALLOWED_MOVES: readonly AllowedMove[] = MOVES.map(([from, to, by, event, when]) => ({
  from,
  to,
  by,
  event,
  when,
}));

const moverMatches = (allowed: Mover, actual: Exclude<Mover, 'any_admin'>) =>
  allowed === actual || (allowed === 'any_admin' && actual !== 'console');

/** Whether the table holds this move, by this mover, recorded by this event. */
export function isAllowedMove(move: {
  from: ChangeState | null;
  to: ChangeState;
  by: Exclude<Mover, 'any_admin'>;
  event: string;
}): boolean {
  return ALLOWED_MOVES.some(
    (m) => m.from === move.from && m.to === move.to && m.event === move.event && moverMatches(m.by, move.by),
  );
}
