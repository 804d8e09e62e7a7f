import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ChangeDetails } from '@/components/changes/change-details';
import { requirePageSession } from '@/lib/auth/guard';
import { changeParamsSchema } from '@/lib/changes/change-api-schemas';
import { changeTitle } from '@/lib/queries/page-titles';
import { fetchChange } from '@/lib/queries/server-fetch-changes';

interface ChangePageProps {
  params: Promise<{ changeId: string }>;
}

export async function generateMetadata({ params }: ChangePageProps): Promise<Metadata> {
  const parsed = changeParamsSchema.safeParse(await params);
  return { title: parsed.success ? changeTitle(parsed.data.changeId) : 'Change' };
}

/**
 * GET /changes/{id} — one change and its timeline, for every signed-in role; admins may mark an `unknown` change as
 * not applied. The change is read before anything renders (no loading.tsx, no Suspense), so an unknown id is a
 * real HTTP 404.
 */
export default async function ChangePage({ params }: ChangePageProps) {
  const { user } = await requirePageSession();
  const parsed = changeParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const initial = await fetchChange(parsed.data.changeId);
  if (!initial) notFound();
  return <ChangeDetails changeId={parsed.data.changeId} canReconcile={user.role === 'admin'} initial={initial} />;
}
