import type { FireblocksRequestStatus } from '@/lib/queries/types';

export interface RequestStatusCopy {
  title: string;
  /** Plain explanation of what is happening and what, if anything, the admin should do. */
  text: string;
  tone: 'progress' | 'success' | 'failure';
}

/** What each Fireblocks request state means to the admin watching it. */
export const REQUEST_STATUS_COPY: Record<FireblocksRequestStatus, RequestStatusCopy> = {
  WAITING_FOR_APPROVAL: {
    title: 'Waiting for approval',
    text: 'Fireblocks holds the change until a workspace Owner approves this in the Fireblocks Console (or the mobile app). Nothing has changed yet. You can leave this page: its link keeps following the request.',
    tone: 'progress',
  },
  APPROVED: {
    title: 'Approved',
    text: 'An Owner approved the change. Fireblocks is now applying the new handler to the Co-Signer.',
    tone: 'progress',
  },
  COMPLETED: {
    title: 'Completed',
    text: 'Fireblocks applied the change. The key has been re-read to check what is live.',
    tone: 'success',
  },
  REJECTED: {
    title: 'Rejected',
    text: 'The change was rejected in Fireblocks. The callback handler was not changed.',
    tone: 'failure',
  },
  CANCELLED: {
    title: 'Cancelled',
    text: 'The request was cancelled in Fireblocks. The callback handler was not changed.',
    tone: 'failure',
  },
};

/** The happy path, in order, for the progress steps. */
export const REQUEST_STEPS: FireblocksRequestStatus[] = ['WAITING_FOR_APPROVAL', 'APPROVED', 'COMPLETED'];
