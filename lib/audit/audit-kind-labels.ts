import type { AuditEvent } from './audit-event-schema';

/**
 * Each audit event kind in words, for people (the audit page's list and table). The codes stay in the data, the
 * export and the address. A Record: a kind added to the list without its words does not compile.
 */
export const AUDIT_KIND_LABELS: Record<AuditEvent['kind'], string> = {
  sign_in: 'Sign-in',
  sign_in_refused: 'Sign-in refused',
  sign_out: 'Sign-out',
  change_proposed: 'Change proposed',
  change_approved: 'Change approved',
  change_declined: 'Change declined',
  change_withdrawn: 'Change withdrawn',
  change_expired: 'Change expired',
  change_stale: 'Change stale: the handler moved',
  change_sent: 'Change sent to Fireblocks',
  change_failed: 'Change failed',
  change_unknown: 'Change outcome unknown',
  change_status: 'Fireblocks status read',
  change_completed: 'Change completed',
  change_rejected: 'Change rejected in Fireblocks',
  change_reconciled: 'Change reconciled',
};
