import type { Metadata } from 'next';

import { SessionsList } from '@/components/account/sessions-list';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { mySessions } from '@/lib/auth/account-sessions';

export const metadata: Metadata = { title: 'Your sessions' };

/** GET /account/sessions — where the signed-in user is signed in, and a way to end those sessions. */
export default async function SessionsPage() {
  const session = await requirePageSession();
  return (
    <>
      <PageHeader
        title="Your sessions"
        description="Every browser where you are signed in to the console. A session ends after 30 minutes without activity, or 8 hours after sign-in; a browser signed out from here needs your password to sign in again."
      />
      <SessionsList sessions={await mySessions(session)} />
    </>
  );
}
