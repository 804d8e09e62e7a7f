import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { CosignerResponse, ListChangesResponse } from '@/lib/queries/types';
import { cosignerPath } from '@/lib/page-paths';

import { EditAction } from './edit-action';

export interface ApiKeyHeaderProps {
  cosignerId: string;
  apiKeyId: string;
  /** As read on the server; null when that failed (the crumb then says "Cosigner"). */
  cosigner: CosignerResponse | null;
  /** Admins get the Edit action; viewers see none. */
  canEdit: boolean;
  /** The key's open change as the server read it: while there is one, its page instead of Edit. */
  initialOpen?: ServerRead<ListChangesResponse>;
}

/** The key page's heading, rendered on the server: where the key sits, its id to copy, and Edit for admins (or the open change). */
export function ApiKeyHeader({ cosignerId, apiKeyId, cosigner, canEdit, initialOpen }: ApiKeyHeaderProps) {
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
      actions={canEdit && <EditAction cosignerId={cosignerId} apiKeyId={apiKeyId} initialOpen={initialOpen} />}
    />
  );
}
