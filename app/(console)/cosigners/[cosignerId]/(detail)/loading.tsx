import { API_KEY_COLUMNS } from '@/components/cosigner/api-key-columns';
import { TableSkeleton } from '@/components/pagination/table-skeleton';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export default function CosignerLoading() {
  return (
    <>
      <PageHeader title={<Skeleton className="h-8 w-56" />} eyebrow={<Skeleton className="h-4 w-40" />} />
      <Card className="mb-6 p-4">
        <Skeleton className="h-10 w-full" />
      </Card>
      <Card>
        <TableSkeleton label="API keys" columns={API_KEY_COLUMNS} />
      </Card>
    </>
  );
}
