import 'server-only';

import { X509Certificate } from 'node:crypto';

import { handlerSnapshotSchema } from '@/lib/changes/change-api-schemas';
import type { Db } from '@/lib/db';

import { keyRefOf } from '@/lib/db/read-open-changes';

import type { CertOnRecord } from './compute-findings';

/**
 * The certificates the console knows the expiry of: Fireblocks reads a pinned certificate back only as
 * `certPublicKeyHash`, never the certificate, so its notAfter is known only when the console itself sent it. Per key,
 * the newest completed change that pinned a certificate (the PEM stays on the change row); computeFindings uses it
 * only while the key's live `certPublicKeyHash` is still that certificate's.
 */
export async function readCertsOnRecord(db: Db): Promise<Map<string, CertOnRecord>> {
  const rows = await db.kysely
    .selectFrom('changes')
    .select(['cosigner_id', 'api_key_id', 'after_handler'])
    .where('state', '=', 'completed')
    // The snapshot is JSON.stringify'd (propose-change.ts): this skips public-key changes without parsing them.
    .where('after_handler', 'like', '%"mode":"cert"%')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .execute();
  const certs = new Map<string, CertOnRecord>();
  for (const row of rows) {
    const ref = keyRefOf(row.cosigner_id, row.api_key_id);
    if (certs.has(ref)) continue;
    const after = handlerSnapshotSchema.safeParse(JSON.parse(row.after_handler));
    if (!after.success || !after.data.cert || !after.data.certPublicKeyHash) continue;
    try {
      const notAfter = new Date(new X509Certificate(after.data.cert).validTo).toISOString();
      certs.set(ref, { certPublicKeyHash: after.data.certPublicKeyHash, notAfter });
    } catch {
      // Validated before it was sent; a row that no longer parses says nothing about expiry.
    }
  }
  return certs;
}

/** The certificate the console pinned on a key, as the change that sent it recorded it. */
export interface PinnedCertificate {
  pem: string;
  /** The completed change that pinned it. */
  changeId: string;
}

export interface ReadPinnedCertificateOptions {
  cosignerId: string;
  apiKeyId: string;
  /** The key's live `certPublicKeyHash`: the certificate must still be the pinned one. */
  certPublicKeyHash: string;
}

/**
 * The PEM of the certificate a key has pinned, when the console itself sent it (the newest completed change of the
 * key that pinned a certificate with that key hash): an edit of the URL alone then keeps it, instead of asking for a
 * certificate Fireblocks never returns. Null for one pinned elsewhere.
 */
export async function readPinnedCertificate(
  db: Db,
  { cosignerId, apiKeyId, certPublicKeyHash }: ReadPinnedCertificateOptions,
): Promise<PinnedCertificate | null> {
  const rows = await db.kysely
    .selectFrom('changes')
    .select(['id', 'after_handler'])
    .where('cosigner_id', '=', cosignerId)
    .where('api_key_id', '=', apiKeyId)
    .where('state', '=', 'completed')
    .where('after_handler', 'like', '%"mode":"cert"%')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .execute();
  const hash = certPublicKeyHash.toLowerCase();
  for (const row of rows) {
    const after = handlerSnapshotSchema.safeParse(JSON.parse(row.after_handler));
    if (after.success && after.data.cert && after.data.certPublicKeyHash?.toLowerCase() === hash) {
      return { pem: after.data.cert, changeId: row.id };
    }
  }
  return null;
}
