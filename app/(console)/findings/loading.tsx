import { PageHeader } from '@/components/ui/page-header';
import { SectionSkeleton } from '@/components/ui/section-skeleton';

/** The findings while the page starts: its heading, then a group of findings as placeholders. */
export default function FindingsLoading() {
  return (
    <>
      <PageHeader
        title="Findings"
        description="Keys whose callback handler needs attention, across every cosigner, and what to do about each."
      />
      <SectionSkeleton label="Loading findings" panels={[4, 3]} />
    </>
  );
}
