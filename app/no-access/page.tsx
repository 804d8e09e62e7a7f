import type { Metadata } from 'next';

import { NoAccess } from '@/components/landing/no-access';
import { requirePageSession } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'No access' };

/** GET /no-access — signed in, but the IdP groups map to no role. */
export default async function NoAccessPage() {
  const { user } = await requirePageSession({ allowNoRole: true, returnTo: '/no-access' });
  return <NoAccess name={user.name} email={user.email} hasRole={user.role !== null} />;
}
