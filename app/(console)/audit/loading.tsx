import { AUDIT_COLUMNS } from '@/components/audit/audit-columns';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';

/** The audit trail while the server reads its first page: its heading, then the table's rows as placeholders. */
export default function AuditLoading() {
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Sign-ins and every change to a callback handler, hash-chained: the record Fireblocks cannot keep, since every change reaches it as the one API user."
      />
      <Card>
        <TableSkeleton label="the audit trail" columns={AUDIT_COLUMNS} />
      </Card>
    </>
  );
}
