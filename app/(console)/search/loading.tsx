import { PageHeader } from '@/components/ui/page-header';
import { SectionSkeleton } from '@/components/ui/section-skeleton';

/** Search while the page starts: its heading, then the box and results as placeholders. */
export default function SearchLoading() {
  return (
    <>
      <PageHeader
        title="Search"
        description="Find an API key by its ID, callback URL host or fingerprint, or a cosigner by its name or ID."
      />
      <SectionSkeleton label="Loading search" panels={[1, 5]} />
    </>
  );
}
