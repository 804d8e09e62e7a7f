import { PageHeader } from '@/components/ui/page-header';
import { SectionSkeleton } from '@/components/ui/section-skeleton';

/** A key's page while the server reads it: its heading, then its callback handler, open change and history. */
export default function ApiKeyLoading() {
  return (
    <>
      <PageHeader title="API key" />
      <SectionSkeleton label="Loading the API key" panels={[6, 4]} />
    </>
  );
}
