import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import type { CosignerResponse } from '@/lib/queries/types';
import { CosignerStatusBadge } from '@/components/ui/cosigner-labels';

export interface CosignerHeaderProps {
  /** As read on the server; null when that failed (the details below then show the error). */
  cosigner: CosignerResponse | null;
}

/** The cosigner page's heading, rendered on the server: a name rarely changes, and it costs no client JS here. */
export function CosignerHeader({ cosigner }: CosignerHeaderProps) {
  const name = cosigner ? cosigner.name || 'Unnamed cosigner' : 'Cosigner';
  return (
    <PageHeader
      eyebrow={<Breadcrumbs items={[{ label: 'Cosigners', href: '/cosigners' }, { label: name }]} />}
      title={name}
      actions={cosigner ? <CosignerStatusBadge archived={cosigner.archived} /> : undefined}
    />
  );
}
