import { Badge } from '@/components/ui/badge';

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
