import 'server-only';

import type { AuditActor } from '@/lib/audit/audit-event-schema';
import { changeActorSchema } from '@/lib/change-model/actor-and-reason';
import type { ChangeState } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';
import { changePath } from '@/lib/page-paths';

/** Who moved a change, as its audit event names them. */
export type MoveActor = Pick<AuditActor, 'sub' | 'name' | 'email'>;

/** A change that just moved (committed): the row after the move, the state before it, and who moved it. */
export interface ChangeMove {
  change: ChangeRow;
  /** Null for the insert that proposed it. */
  from: ChangeState | null;
  /** Null when the console itself moved it (Fireblocks answered, a status was read, it expired). */
  actor: MoveActor | null;
}

/** The JSON body POSTed to NOTIFY_WEBHOOK_URL for every state change (docs/contracts.md, "Notifications"). */
export interface ChangeNotification {
  changeId: string;
  cosignerId: string;
  apiKeyId: string;
  from: ChangeState | null;
  to: ChangeState;
  actor: { sub: string; name: string; email: string } | null;
  /** When the change moved: ISO 8601 UTC. */
  at: string;
  /** The change's page: APP_URL + /changes/{id}. */
  link: string;
  /** A one-line summary for people, Slack-compatible (`&`, `<`, `>` escaped as Slack asks). */
  text: string;
}

/** What each state means, as the end of the summary line. */
const STATE_WORDS: Record<ChangeState, string> = {
  awaiting_approval: 'awaiting approval',
  sending: 'sending',
  sent: 'sent to Fireblocks',
  completed: 'completed',
  rejected: 'rejected in Fireblocks',
  cancelled: 'cancelled in Fireblocks',
  failed: 'failed',
  unknown: 'outcome unknown, check Fireblocks',
  declined: 'declined',
  withdrawn: 'withdrawn',
  expired: 'expired without approval',
  stale: 'stale, the live handler changed',
};

/** What a person did to move a change into a state (a person moves a change only into these). */
const PERSON_VERBS: Partial<Record<ChangeState, string>> = {
  sending: 'approved',
  declined: 'declined',
  withdrawn: 'withdrew',
  failed: 'marked as failed',
  // The drift guard found the live handler moved when an admin approved.
  stale: 'tried to approve',
};

/** Slack reads `&`, `<` and `>` as markup: a name or a cosigner's name must not become a link or a mention. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const personName = (actor: Pick<MoveActor, 'sub' | 'name'>) => actor.name?.trim() || actor.sub;

/**
 * The summary line, e.g. "bob approved alice's change to key …abc123 on Treasury SGX: sending". `cosignerName`
 * is null when it could not be read; the cosigner's id stands in for it.
 */
export function summaryText(move: ChangeMove, cosignerName: string | null): string {
  const { change, from, actor } = move;
  const proposer = changeActorSchema.parse(JSON.parse(change.proposer));
  const target = `key …${change.api_key_id.slice(-6)} on ${cosignerName ?? `cosigner ${change.cosigner_id}`}`;
  const ending = `: ${STATE_WORDS[change.state]}`;
  let line: string;
  if (from === null) {
    line = `${personName(actor ?? proposer)} proposed a change to ${target}${ending}`;
  } else if (actor) {
    const whose = actor.sub === proposer.sub ? 'their' : `${personName(proposer)}'s`;
    line = `${personName(actor)} ${PERSON_VERBS[change.state] ?? 'updated'} ${whose} change to ${target}${ending}`;
  } else {
    line = `${personName(proposer)}'s change to ${target}${ending}`;
  }
  return slackEscape(line.replace(/\s+/g, ' '));
}

/** The notification of one move. */
export function changeNotificationOf(move: ChangeMove, appUrl: URL, cosignerName: string | null): ChangeNotification {
  const { change, from, actor } = move;
  return {
    changeId: change.id,
    cosignerId: change.cosigner_id,
    apiKeyId: change.api_key_id,
    from,
    to: change.state,
    actor: actor ? { sub: actor.sub, name: actor.name ?? '', email: actor.email ?? '' } : null,
    at: change.updated_at,
    link: new URL(changePath(change.id), appUrl).href,
    text: summaryText(move, cosignerName),
  };
}
