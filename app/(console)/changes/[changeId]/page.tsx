import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ChangeDetails } from '@/components/changes/change-details';
import { approvalActionsFor, askedActionOf } from '@/lib/change-model/change-viewer';
import { requirePageSession } from '@/lib/auth/page-guard';
import { changeParamsSchema } from '@/lib/changes/change-api-schemas';
import { changeTitle } from '@/lib/queries/page-titles';
import { fetchChange } from '@/lib/queries/server-fetch-changes';

interface ChangePageProps {
  params: Promise<{ changeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ChangePageProps): Promise<Metadata> {
  const parsed = changeParamsSchema.safeParse(await params);
  return { title: parsed.success ? changeTitle(parsed.data.changeId) : 'Change' };
}

/**
 * GET /changes/{id} — one change and its timeline, for every signed-in role; admins approve, decline or withdraw a
 * change awaiting approval and may mark an `unknown` change as not applied. The layout above answers an unknown id
 * with a real HTTP 404 before the skeleton (loading.tsx) streams; the read here comes from React's per-request cache.
 */
export default async function ChangePage({ params, searchParams }: ChangePageProps) {
  const { iss, user } = await requirePageSession();
  const parsed = changeParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const initial = await fetchChange(parsed.data.changeId);
  if (!initial) notFound();
  const viewer = { iss, sub: user.sub, role: user.role === 'admin' ? ('admin' as const) : ('viewer' as const) };
  const asked = askedActionOf(await searchParams);
  // Only a dialog the viewer may use on the change as read (no change read in time: the server decides on submit).
  const allowed = asked && (!initial.data || approvalActionsFor(viewer, initial.data).includes(asked));
  return (
    <ChangeDetails
      changeId={parsed.data.changeId}
      viewer={viewer}
      asked={allowed ? asked : undefined}
      initial={initial}
    />
  );
}
