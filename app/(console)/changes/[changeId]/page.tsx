import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ChangeDetails } from '@/components/changes/change-details';
import { askedActionOf } from '@/components/changes/change-viewer';
import { requirePageSession } from '@/lib/auth/guard';
import { changeParamsSchema } from '@/lib/changes/change-api-schemas';
import { fetchChange } from '@/lib/queries/server-fetch-changes';

export const metadata: Metadata = { title: 'Change' };

interface ChangePageProps {
  params: Promise<{ changeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * GET /changes/{id} — one change and its timeline, for every signed-in role; admins approve, decline or withdraw a
 * change awaiting approval and may mark an `unknown` change as not applied. The change is read before anything renders (no loading.tsx, no Suspense), so an unknown id is a
 * real HTTP 404.
 */
export default async function ChangePage({ params, searchParams }: ChangePageProps) {
  const { iss, user } = await requirePageSession();
  const parsed = changeParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const initial = await fetchChange(parsed.data.changeId);
  if (!initial) notFound();
  const role = user.role === 'admin' ? 'admin' : 'viewer';
  return (
    <ChangeDetails
      changeId={parsed.data.changeId}
      viewer={{ iss, sub: user.sub, role }}
      asked={askedActionOf(await searchParams)}
      initial={initial}
    />
  );
}
