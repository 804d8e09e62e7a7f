import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';

import { VIEWER_EDIT_PARAM } from '@/components/key-page/viewer-edit-notice';
import { requirePageSession } from '@/lib/auth/page-guard';
import { keyPagePath } from '@/lib/page-paths';
import { requireKnownKey } from '@/lib/queries/not-found-or';

interface EditLayoutProps {
  children: ReactNode;
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
}

/**
 * Admins only, checked first: a viewer (a shared link, a bookmark) is sent to the read-only key page, which then says
 * why there is no form, without a read from Fireblocks. Then, as on the key page, an unknown key is a 404. Both
 * here, above the form's loading skeleton, so each is a real status before anything streams. (The key page's layout
 * is in the (view) group, not above this one: nested layouts render concurrently, and the answer a viewer gets must
 * not depend on which finishes first.)
 */
export default async function EditLayout({ children, params }: EditLayoutProps) {
  const { user } = await requirePageSession();
  const ids = await params;
  if (user.role !== 'admin') redirect(`${keyPagePath(ids.cosignerId, ids.apiKeyId)}?${VIEWER_EDIT_PARAM}`);
  await requireKnownKey(ids);
  return children;
}
