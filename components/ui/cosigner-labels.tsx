import { Badge } from './badge';

/* How a cosigner's status, enclave kind and version read wherever a cosigner is shown (its list row, its page). */

export interface CosignerStatusBadgeProps {
  archived: boolean;
}

/** Archived or active, in words (never by colour alone). Text only: it renders in client tables, icons cost JS there. */
export function CosignerStatusBadge({ archived }: CosignerStatusBadgeProps) {
  return archived ? <Badge tone="warning">Archived</Badge> : <Badge tone="success">Active</Badge>;
}

const NAMES: Record<string, string> = {
  SGX: 'Intel SGX',
  'AWS-NITRO': 'AWS Nitro',
  'GCP-CONFSPACE': 'GCP Confidential Space',
  SANDBOX: 'Sandbox',
  PLAIN: 'Plain',
};

export interface CosignerTypeBadgeProps {
  type: string | undefined;
}

/** The enclave kind in words; an unknown kind from a newer API is shown as sent. */
export function CosignerTypeBadge({ type }: CosignerTypeBadgeProps) {
  if (!type) return <span className="text-zinc-600 dark:text-zinc-400">Unknown</span>;
  return <Badge title={type}>{NAMES[type] ?? type}</Badge>;
}

export interface VersionLabelProps {
  version: { hash: string; name?: string } | undefined;
}

/** "1.0.0 (December 2025)" over its build hash; just the hash when the API gives no name. */
export function VersionLabel({ version }: VersionLabelProps) {
  if (!version) return <span className="text-zinc-600 dark:text-zinc-400">Unknown</span>;
  return (
    <span className="flex flex-col leading-tight">
      {version.name && <span>{version.name}</span>}
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400" title="Build hash">
        {version.hash}
      </span>
    </span>
  );
}
