import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';

/** The list of changes while the server reads it: its heading, then its table's rows as placeholders. */
export default function ChangesLoading() {
  return (
    <>
      <PageHeader
        title="Changes"
        description="Every change to a callback handler made through the console: who proposed it, why, and where it stands."
      />
      <Card>
        <TableSkeleton
          label="changes"
          columns={['State', 'API key', 'Cosigner', 'Proposed by', 'Reason', 'Proposed', 'Change']}
        />
      </Card>
    </>
  );
}
