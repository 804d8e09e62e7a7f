import type { Metadata } from 'next';

import { InboxView } from '@/components/inbox/inbox-view';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { fetchInbox } from '@/lib/queries/server-fetch-inbox';

export const metadata: Metadata = { title: 'Inbox' };

/** GET /inbox — what needs the signed-in person: changes to approve, and their changes that moved since they looked. */
export default async function InboxPage() {
  const session = await requirePageSession({ role: 'viewer' });
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Changes waiting for your approval, and your changes that moved since you last looked, in the words the notifications use."
      />
      <InboxView initial={await fetchInbox(session)} approves={session.user.role === 'admin'} />
    </>
  );
}
