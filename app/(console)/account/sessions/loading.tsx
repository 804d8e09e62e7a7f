import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';

/** The sessions list while the server reads it: its heading, then the table's rows as placeholders. */
export default function SessionsLoading() {
  return (
    <>
      <PageHeader
        title="Your sessions"
        description="Every browser where you are signed in to the console. A session ends after 30 minutes without activity, or 8 hours after sign-in."
      />
      <Card>
        <TableSkeleton
          label="your sessions"
          rows={3}
          columns={['Browser', 'Signed in', 'Last active', 'Ends at the latest', 'Actions']}
        />
      </Card>
    </>
  );
}
