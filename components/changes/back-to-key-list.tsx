'use client';

import { useSyncExternalStore } from 'react';
import Link from 'next/link';

import { keyListReturnPath, rememberedKeyListReturnPath } from '@/components/ui/pagination/key-list-return';
import { buttonClass } from '@/components/ui/button-styles';
import { ChevronIcon } from '@/components/ui/inline-icons';

export interface BackToKeyListProps {
  cosignerId: string;
  apiKeyId: string;
}

const never = () => () => undefined;

/**
 * After a completed change: back to the page of the cosigner's key list that holds the key (as this tab last saw
 * it), where its row is marked and a toast says it was updated. The server renders the first page's link; the
 * browser swaps in the remembered page once hydrated.
 */
export function BackToKeyList({ cosignerId, apiKeyId }: BackToKeyListProps) {
  const href = useSyncExternalStore(
    never,
    () => rememberedKeyListReturnPath(cosignerId, apiKeyId),
    () => keyListReturnPath(cosignerId, apiKeyId, null),
  );
  return (
    <Link href={href} className={buttonClass({ variant: 'secondary' })}>
      <ChevronIcon direction="left" className="h-4 w-4" />
      Back to the key list
    </Link>
  );
}
