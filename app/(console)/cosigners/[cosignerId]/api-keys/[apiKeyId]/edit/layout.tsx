import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';

import { VIEWER_EDIT_PARAM } from '@/components/key-page/viewer-edit-notice';
import { requirePageSession } from '@/lib/auth/page-guard';
import { keyPagePath } from '@/lib/page-paths';

interface EditLayoutProps {
  children: ReactNode;
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
}

/**
 * Admins only: a viewer (a shared link, a bookmark) is sent to the read-only key page, which then says why there is
 * no form. Here, above the form's loading skeleton, so the redirect is a real 307 before anything streams. (The ids
 * were checked by the key's layout above.)
 */
export default async function EditLayout({ children, params }: EditLayoutProps) {
  const { user } = await requirePageSession();
  if (user.role !== 'admin') {
    const { cosignerId, apiKeyId } = await params;
    redirect(`${keyPagePath(cosignerId, apiKeyId)}?${VIEWER_EDIT_PARAM}`);
  }
  return children;
}
