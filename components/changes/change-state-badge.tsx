import { Badge } from '@/components/ui/badge';
import type { ChangeState } from '@/lib/queries/types';

import { CHANGE_STATE_COPY } from '@/components/ui/change/change-state-copy';

export interface ChangeStateBadgeProps {
  state: ChangeState;
}

/** A change's state as a badge, in words (colour is never the only signal). */
export function ChangeStateBadge({ state }: ChangeStateBadgeProps) {
  const copy = CHANGE_STATE_COPY[state];
  return <Badge tone={copy.tone}>{copy.label}</Badge>;
}
