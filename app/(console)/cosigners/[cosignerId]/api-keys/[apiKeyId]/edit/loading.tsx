import { PageHeader } from '@/components/ui/page-header';
import { SectionSkeleton } from '@/components/ui/section-skeleton';

/** The edit page while the server reads the key: its heading, then the current handler and the form. */
export default function EditCallbackHandlerLoading() {
  return (
    <>
      <PageHeader title="Change callback handler" />
      <SectionSkeleton label="Loading the form" panels={[3, 8]} />
    </>
  );
}
