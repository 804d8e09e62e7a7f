import 'server-only';

import { sql } from 'kysely';

import type { Session } from '@/lib/auth/session';
import { countChangesWaitingFor } from '@/lib/changes/count-waiting';
import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';
import { changeActorSchema } from '@/lib/change-model/actor-and-reason';
import { summaryText } from '@/lib/notify/change-notification';

import type { InboxCountResponse, InboxItem, InboxResponse } from './inbox-api-schemas';
import { lastMoveOf, type ChangeEventSummary, type LastMove } from './last-move';

/** Moves older than this are never new: a person who never looked is not handed the whole history. */
const INBOX_WINDOW_MS = 30 * 24 * 3600 * 1000;
/** At most this many of each list (the newest); the changes page holds the rest. */
const INBOX_LIMIT = 100;

/** Whose inbox: a subject is unique only within its issuer. */
type InboxOwner = Pick<Session, 'iss'> & { user: Pick<Session['user'], 'sub' | 'role'> };

/** When the person last marked their inbox seen (epoch ms), or null. */
async function inboxSeenAt(db: Db, owner: InboxOwner): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('inbox_marks')
    .select('seen_at')
    .where('iss', '=', owner.iss)
    .where('sub', '=', owner.user.sub)
    .executeTakeFirst();
  return row ? Date.parse(row.seen_at) : null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function awaitingFor(db: Db, owner: InboxOwner, now: number): Promise<ChangeRow[]> {
  return db.kysely
    .selectFrom('changes')
    .selectAll()
    .where('state', '=', 'awaiting_approval')
    .where('proposer_sub', '<>', owner.user.sub)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', iso(now))]))
    .orderBy('created_at', 'asc')
    .limit(INBOX_LIMIT)
    .execute();
}

/**
 * The person's changes (proposed or approved by them) whose latest move into another state came after `since`
 * and was not their own doing, newest first, with that move. A status read that changes nothing is no move.
 */
async function movedSince(
  db: Db,
  owner: InboxOwner,
  since: number,
): Promise<Array<{ row: ChangeRow; move: LastMove }>> {
  const { sub } = owner.user;
  const rows = await db.kysely
    .selectFrom('changes')
    .selectAll()
    .where((eb) => eb.or([eb('proposer_sub', '=', sub), eb('approver_sub', '=', sub)]))
    .where('updated_at', '>', iso(since))
    .orderBy('updated_at', 'desc')
    .limit(INBOX_LIMIT)
    .execute();
  if (rows.length === 0) return [];
  const events = await db.kysely
    .selectFrom('audit_events')
    .select(['change_id', 'kind', 'actor', 'at'])
    .where(
      'change_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('seq')
    .execute();
  const byChange = new Map<string, ChangeEventSummary[]>();
  for (const e of events) {
    if (!e.change_id) continue;
    const actor = e.actor === null ? null : (JSON.parse(e.actor) as ChangeEventSummary['actor']);
    byChange.set(e.change_id, [...(byChange.get(e.change_id) ?? []), { kind: e.kind, actor, at: e.at }]);
  }
  return rows.flatMap((row) => {
    const move = lastMoveOf(row.state, byChange.get(row.id) ?? []);
    if (!move || Date.parse(move.at) <= since || move.actor?.sub === sub) return [];
    return [{ row, move }];
  });
}

/** Where new moves start for this person: their mark, but never before the window. */
async function newSince(db: Db, owner: InboxOwner, now: number): Promise<{ since: number; seenAt: number | null }> {
  const seenAt = await inboxSeenAt(db, owner);
  return { since: Math.max(seenAt ?? 0, now - INBOX_WINDOW_MS), seenAt };
}

/** Slack's three escapes undone: the page shows the same words as text. */
const unescapeSlack = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * What needs the person: changes awaiting their approval (admins only: nobody else approves), and their changes that
 * moved since they last marked the inbox seen. Each in the words of the webhook notification of its latest move,
 * built by the notifier's own summaryText; `cosignerName` names the cosigner (null: its id stands in, as there).
 */
export async function readInbox(
  db: Db,
  owner: InboxOwner,
  cosignerName: (cosignerId: string) => string | null,
  now = Date.now(),
): Promise<InboxResponse> {
  const { since, seenAt } = await newSince(db, owner, now);
  const item = (row: ChangeRow, move: Pick<LastMove, 'from' | 'actor' | 'at'>): InboxItem => ({
    changeId: row.id,
    cosignerId: row.cosigner_id,
    apiKeyId: row.api_key_id,
    state: row.state,
    at: move.at,
    text: unescapeSlack(
      summaryText({ change: row, from: move.from, actor: move.actor }, cosignerName(row.cosigner_id)),
    ),
  });
  const awaiting = owner.user.role === 'admin' ? await awaitingFor(db, owner, now) : [];
  return {
    awaitingApproval: awaiting.map((row) =>
      item(row, { from: null, actor: changeActorSchema.parse(JSON.parse(row.proposer)), at: row.created_at }),
    ),
    moved: (await movedSince(db, owner, since)).map(({ row, move }) => item(row, move)),
    seenAt: seenAt === null ? null : iso(seenAt),
  };
}

/** The header badge's count: the same two lists, counted without naming anything. */
export async function countInbox(db: Db, owner: InboxOwner, now = Date.now()): Promise<InboxCountResponse> {
  const { since } = await newSince(db, owner, now);
  const [awaitingApproval, moved] = await Promise.all([
    countChangesWaitingFor(db, owner.user, new Date(now)),
    movedSince(db, owner, since).then((m) => m.length),
  ]);
  return { count: awaitingApproval + moved, awaitingApproval, moved };
}

/**
 * Marks the inbox seen up to `through` (default now), never past now: one upsert that keeps the later of the two
 * marks, so two tabs marking at once never move it back.
 */
export async function markInboxSeen(
  db: Db,
  owner: InboxOwner,
  through: number | null,
  now = Date.now(),
): Promise<number> {
  const target = iso(Math.min(through ?? now, now));
  const later =
    db.engine === 'postgres'
      ? sql<string>`greatest(inbox_marks.seen_at, excluded.seen_at)`
      : sql<string>`max(inbox_marks.seen_at, excluded.seen_at)`;
  await db.kysely
    .insertInto('inbox_marks')
    .values({ iss: owner.iss, sub: owner.user.sub, seen_at: target })
    .onConflict((oc) => oc.columns(['iss', 'sub']).doUpdateSet({ seen_at: later }))
    .execute();
  return (await inboxSeenAt(db, owner)) ?? Date.parse(target);
}
