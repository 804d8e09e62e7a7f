import type { ReactNode } from 'react';

import { requireKnownKey } from '@/lib/queries/not-found-or';

interface KeyViewLayoutProps {
  children: ReactNode;
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
}

/** The key page: an unknown key is a 404 before the loading skeleton streams (lib/queries/not-found-or.ts). */
export default async function KeyViewLayout({ children, params }: KeyViewLayoutProps) {
  await requireKnownKey(await params);
  return children;
}
