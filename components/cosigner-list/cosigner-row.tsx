import Link from 'next/link';

import { CopyButton } from '@/components/ui/copy-button';
import { rowClass, tdClass } from '@/components/ui/table-styles';
import type { CosignerResponse } from '@/lib/queries/types';
import { CosignerStatusBadge, CosignerTypeBadge, VersionLabel } from '@/components/ui/cosigner-labels';
import { cosignerPath } from '@/lib/page-paths';

export interface CosignerRowProps {
  cosigner: CosignerResponse;
}

/** One cosigner: name links to its page; the id is shown whole (people paste it into support tickets). */
export function CosignerRow({ cosigner }: CosignerRowProps) {
  const name = cosigner.name || 'Unnamed cosigner';
  return (
    <tr className={rowClass}>
      <td className={tdClass}>
        <Link
          href={cosignerPath(cosigner.id)}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {name}
        </Link>
      </td>
      <td data-label="ID" className={tdClass}>
        <span className="flex items-center gap-1">
          <code className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{cosigner.id}</code>
          <CopyButton value={cosigner.id} label={`Copy ID of ${name}`} />
        </span>
      </td>
      <td data-label="Type" className={tdClass}>
        <CosignerTypeBadge type={cosigner.type} />
      </td>
      <td data-label="Version" className={tdClass}>
        <VersionLabel version={cosigner.version} />
      </td>
      <td data-label="Status" className={tdClass}>
        <CosignerStatusBadge archived={cosigner.archived} />
      </td>
    </tr>
  );
}
