import type { BadgeTone } from '@/components/ui/badge';
import type { ChangeState } from '@/lib/queries/types';

export interface ChangeStateCopy {
  label: string;
  tone: BadgeTone;
  /** What the state means for the key, and what (if anything) to do. */
  text: string;
}

/** Every state of a change in words (docs/contracts.md, "States of a change"). */
export const CHANGE_STATE_COPY: Record<ChangeState, ChangeStateCopy> = {
  awaiting_approval: {
    label: 'Awaiting approval',
    tone: 'info',
    text: 'Recorded; a second admin must approve it before anything is sent to Fireblocks.',
  },
  sending: { label: 'Sending', tone: 'info', text: 'The console is sending the change to Fireblocks.' },
  sent: { label: 'Sent', tone: 'info', text: 'Fireblocks accepted the request; the console follows it until it ends.' },
  completed: { label: 'Completed', tone: 'success', text: 'Fireblocks applied the change.' },
  rejected: {
    label: 'Rejected',
    tone: 'danger',
    text: 'The change was rejected in Fireblocks. The callback handler was not changed.',
  },
  cancelled: {
    label: 'Cancelled',
    tone: 'danger',
    text: 'The request was cancelled in Fireblocks. The callback handler was not changed.',
  },
  failed: {
    label: 'Failed',
    tone: 'danger',
    text: 'Fireblocks did not accept the change. The callback handler was not changed.',
  },
  unknown: {
    label: 'Outcome unknown',
    tone: 'warning',
    text: 'The request may have reached Fireblocks, but no answer came back. The console is checking the key’s live handler and the request; until then the change holds the key.',
  },
  declined: { label: 'Declined', tone: 'neutral', text: 'Another admin declined the change. Nothing was sent.' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral', text: 'The proposer withdrew the change. Nothing was sent.' },
  expired: { label: 'Expired', tone: 'neutral', text: 'Nobody approved the change in time. Nothing was sent.' },
  stale: {
    label: 'Stale',
    tone: 'neutral',
    text: 'The live handler moved after the change was proposed, so it was not sent.',
  },
};
