import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';

import { changeParamsSchema } from '@/lib/changes/change-api-schemas';
import { fetchChange } from '@/lib/queries/server-fetch-changes';

interface ChangeLayoutProps {
  children: ReactNode;
  params: Promise<{ changeId: string }>;
}

/**
 * A change's page. The change is read here, above the page's loading skeleton, so that an unknown id is a real HTTP
 * 404 (once a skeleton has streamed, the status has gone out as 200); the page reads it again from React's
 * per-request cache.
 */
export default async function ChangeLayout({ children, params }: ChangeLayoutProps) {
  const parsed = changeParamsSchema.safeParse(await params);
  if (!parsed.success || !(await fetchChange(parsed.data.changeId))) notFound();
  return children;
}
