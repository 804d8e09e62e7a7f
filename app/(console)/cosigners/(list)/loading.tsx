import { COSIGNER_COLUMNS } from '@/components/cosigner-list/cosigners-columns';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

export default function CosignersLoading() {
  return (
    <>
      <PageHeader title="Cosigners" description="API Co-signers paired with this Fireblocks workspace." />
      <Card>
        <TableSkeleton label="cosigners" columns={COSIGNER_COLUMNS} />
      </Card>
    </>
  );
}
