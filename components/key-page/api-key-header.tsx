import Link from 'next/link';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { buttonClass } from '@/components/ui/button-styles';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import type { CosignerResponse } from '@/lib/queries/types';
import { cosignerPath, editKeyPath } from '@/lib/page-paths';

export interface ApiKeyHeaderProps {
  cosignerId: string;
  apiKeyId: string;
  /** As read on the server; null when that failed (the crumb then says "Cosigner"). */
  cosigner: CosignerResponse | null;
  /** Admins get the Edit action; viewers see none. */
  canEdit: boolean;
}

/** The key page's heading, rendered on the server: where the key sits, its id to copy, and Edit for admins. */
export function ApiKeyHeader({ cosignerId, apiKeyId, cosigner, canEdit }: ApiKeyHeaderProps) {
  const cosignerHref = cosignerPath(cosignerId);
  return (
    <PageHeader
      eyebrow={
        <Breadcrumbs
          items={[
            { label: 'Cosigners', href: '/cosigners' },
            { label: cosigner ? cosigner.name || 'Unnamed cosigner' : 'Cosigner', href: cosignerHref },
            { label: `API key ${apiKeyId.slice(0, 8)}…` },
          ]}
        />
      }
      title="API key"
      description={
        <span className="inline-flex max-w-full items-center gap-1">
          <code className="font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">{apiKeyId}</code>
          <CopyButton value={apiKeyId} label="Copy API key ID" />
        </span>
      }
      actions={
        canEdit && (
          <Link href={editKeyPath(cosignerId, apiKeyId)} className={buttonClass({ variant: 'primary' })}>
            Edit callback handler
          </Link>
        )
      }
    />
  );
}
