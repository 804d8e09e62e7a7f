import type { ChangeState } from './states';

/** What the viewer's rights on a change depend on: who proposed it, and its state. */
interface ChangeOfViewer {
  proposer: { iss: string; sub: string };
  state: ChangeState;
}

/** Who is looking at a change: the SSO identity (issuer and subject, as the change record names people) and role. */
export interface ChangeViewer {
  iss: string;
  sub: string;
  role: 'admin' | 'viewer';
}

export const APPROVAL_ACTIONS = ['approve', 'decline', 'withdraw'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** The action a page address asks for, if any (`?approve=1`, `?decline=1`, `?withdraw=1`). */
export function askedActionOf(params: Record<string, string | string[] | undefined>): ApprovalAction | undefined {
  return APPROVAL_ACTIONS.find((a) => params[a] === '1');
}

/** Whether the viewer proposed the change (the same SSO subject of the same IdP, as the server decides it). */
export const isProposer = (viewer: ChangeViewer, change: Pick<ChangeOfViewer, 'proposer'>): boolean =>
  viewer.iss === change.proposer.iss && viewer.sub === change.proposer.sub;

/** What an admin can do about a change awaiting approval; none for a viewer or a change in another state. */
export function approvalActionsFor(viewer: ChangeViewer, change: ChangeOfViewer): ApprovalAction[] {
  if (change.state !== 'awaiting_approval' || viewer.role !== 'admin') return [];
  return isProposer(viewer, change) ? ['withdraw'] : ['approve', 'decline'];
}

/** States a change can be opened again from as a new change, its values filled in. */
const RESUBMITTABLE_STATES: ReadonlySet<ChangeState> = new Set(['declined', 'rejected', 'stale', 'failed']);
export const canResubmit = (state: ChangeState): boolean => RESUBMITTABLE_STATES.has(state);
