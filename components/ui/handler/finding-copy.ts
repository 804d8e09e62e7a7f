import type { BadgeTone } from '@/components/ui/badge';
import type { FindingKind, FindingSeverity } from '@/lib/findings/findings-api-schemas';

/** Each kind's heading on the findings page and its short label on a key row's badge. */
export const FINDING_COPY: Record<FindingKind, { heading: string; badge: string }> = {
  misrouted_url: { heading: 'URL ends in a Co-Signer route', badge: 'URL ends in a route' },
  cert_expired: { heading: 'Pinned certificate expired', badge: 'Certificate expired' },
  cert_expiring: { heading: 'Pinned certificate expires within 30 days', badge: 'Certificate expiring' },
  no_handler: { heading: 'No callback handler', badge: 'No handler' },
  shared_url: { heading: 'Handler URL shared across cosigners', badge: 'Shared URL' },
  not_seen: { heading: 'Not seen for 30 days', badge: 'Not seen for 30 days' },
};

export const SEVERITY_TONE: Record<FindingSeverity, BadgeTone> = {
  critical: 'danger',
  warning: 'warning',
  info: 'neutral',
};

export const SEVERITY_LABEL: Record<FindingSeverity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Notice',
};
