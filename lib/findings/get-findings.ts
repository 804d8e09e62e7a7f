import 'server-only';

import { getDb } from '@/lib/db';
import { readOpenChanges } from '@/lib/db/read-open-changes';
import { getKeyIndex } from '@/lib/search/get-key-index';

import { readCertsOnRecord } from './certs-on-record';
import { computeFindings } from './compute-findings';
import type { FindingsResponse } from './findings-api-schemas';

export interface GetFindingsOptions {
  /** Only this cosigner's findings; shared URLs are still found across the whole workspace. */
  cosignerId?: string;
  refresh?: boolean;
  /** Who asks: a walk they force is taken from their read budget (lib/search/get-key-index.ts). */
  reader?: string;
}

/** The workspace's findings from the shared key index (at most 30 s old), the certificates on record and open changes. */
export async function getFindings({
  cosignerId,
  refresh = false,
  reader,
}: GetFindingsOptions = {}): Promise<FindingsResponse> {
  const [index, certsOnRecord, openChanges] = await Promise.all([
    getKeyIndex({ refresh, reader }),
    readCertsOnRecord(getDb()),
    readOpenChanges(getDb()),
  ]);
  const findings = computeFindings({ index, certsOnRecord, openChanges, now: new Date() });
  return {
    findings: cosignerId ? findings.filter((f) => f.cosignerId === cosignerId) : findings,
    asOf: index.asOf,
  };
}
