import { Badge } from '@/components/ui/badge';

export interface CosignerStatusBadgeProps {
  archived: boolean;
}

/** Archived or active, in words (never by colour alone). Text only: it renders in client tables, icons cost JS there. */
export function CosignerStatusBadge({ archived }: CosignerStatusBadgeProps) {
  return archived ? <Badge tone="warning">Archived</Badge> : <Badge tone="success">Active</Badge>;
}
