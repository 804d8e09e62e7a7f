import { Archive, CircleCheck } from 'lucide-react';

import { Badge } from '@/components/ui/badge';

export interface CosignerStatusBadgeProps {
  archived: boolean;
}

/** Archived or active, in words and icon (never by colour alone). */
export function CosignerStatusBadge({ archived }: CosignerStatusBadgeProps) {
  return archived ? (
    <Badge tone="warning">
      <Archive aria-hidden className="h-3 w-3" />
      Archived
    </Badge>
  ) : (
    <Badge tone="success">
      <CircleCheck aria-hidden className="h-3 w-3" />
      Active
    </Badge>
  );
}
