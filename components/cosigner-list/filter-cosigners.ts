import type { CosignerResponse } from '@/lib/queries/types';

/** Case-insensitive match on name, id, type and version of the rows already loaded. */
export function filterCosigners(rows: CosignerResponse[], q: string): CosignerResponse[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((c) =>
    [c.name, c.id, c.type, c.version?.name, c.version?.hash, c.archived ? 'archived' : 'active'].some((v) =>
      v?.toLowerCase().includes(needle),
    ),
  );
}
