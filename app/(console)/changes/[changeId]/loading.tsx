import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { SectionSkeleton } from '@/components/ui/section-skeleton';

/** A change while the server reads it: its heading, then its status, before/after, details and timeline. */
export default function ChangeLoading() {
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[{ label: 'Changes', href: '/changes' }, { label: 'Change' }]} />}
        title="Callback handler change"
      />
      <SectionSkeleton label="Loading the change" panels={[2, 6, 4, 5]} />
    </>
  );
}
