import { randomUUID, X509Certificate } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import { insertChange } from '@/lib/db/insert-change';
import { transaction } from '@/lib/db/transaction';
import type { ChangeState } from '@/lib/change-model/states';
import { expiringSoonCertPem, rsa2048PublicKeyPem, validCertPem } from '@/testing/fixtures/pem-fixtures';
import { openMigratedTestDb, type MigratedTestDb } from '@/testing/db/migrated-test-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { keyRefOf } from '@/lib/db/read-open-changes';

import { readCertsOnRecord, readPinnedCertificate } from './certs-on-record';

const COSIGNER = randomUUID();
const PROPOSER = { iss: 'https://idp.example', sub: 'alice', email: 'alice@example.com', name: 'Alice', role: 'admin' };

afterAll(() => stopOwnPostgres());

describe.each(TEST_ENGINES)('readCertsOnRecord on %s', (engine) => {
  let t: MigratedTestDb;
  beforeAll(async () => {
    t = await openMigratedTestDb(engine);
  });
  afterAll(() => t?.close());

  async function record(apiKeyId: string, state: ChangeState, after: object, closedAt: string | null) {
    await transaction(t.db, (tx) =>
      insertChange(tx, {
        id: randomUUID(),
        cosigner_id: COSIGNER,
        api_key_id: apiKeyId,
        state,
        proposer: JSON.stringify(PROPOSER),
        proposer_sub: PROPOSER.sub,
        before_handler: 'null',
        after_handler: JSON.stringify(after),
        created_at: closedAt ?? new Date().toISOString(),
        updated_at: closedAt ?? new Date().toISOString(),
        closed_at: closedAt,
      }),
    );
  }
  const certAfter = (cert: string) => ({
    url: 'https://callbacks.example.com/pinned',
    mode: 'cert',
    cert,
    certPublicKeyHash: certPublicKeyHash(cert),
  });

  it("per key, the newest completed change's certificate: its key hash and notAfter", async () => {
    const [older, newer] = [await validCertPem(), await expiringSoonCertPem()];
    await record('k-cert', 'completed', certAfter(older), '2026-11-01T00:00:00.000Z');
    await record('k-cert', 'completed', certAfter(newer), '2026-11-02T00:00:00.000Z');
    // Not completed, or not a certificate: no expiry known from these.
    await record('k-failed', 'failed', certAfter(newer), '2026-11-03T00:00:00.000Z');
    await record(
      'k-public',
      'completed',
      { url: 'https://callbacks.example.com/pk', mode: 'publicKey', publicKey: rsa2048PublicKeyPem() },
      '2026-11-03T00:00:00.000Z',
    );

    const certs = await readCertsOnRecord(t.db);
    expect([...certs.keys()]).toEqual([keyRefOf(COSIGNER, 'k-cert')]);
    expect(certs.get(keyRefOf(COSIGNER, 'k-cert'))).toEqual({
      certPublicKeyHash: certPublicKeyHash(newer),
      notAfter: new Date(new X509Certificate(newer).validTo).toISOString(),
    });
  });

  it('the PEM of the certificate a key still has pinned, from the change that sent it; none for another', async () => {
    const [pinned, other] = [await validCertPem(), await expiringSoonCertPem()];
    await record('k-pin', 'completed', certAfter(pinned), '2026-11-01T00:00:00.000Z');
    const ref = { cosignerId: COSIGNER, apiKeyId: 'k-pin' };
    const found = await readPinnedCertificate(t.db, {
      ...ref,
      certPublicKeyHash: certPublicKeyHash(pinned).toUpperCase(),
    });
    expect(found?.pem).toBe(pinned);
    expect(found?.changeId).toMatch(/^[0-9a-f-]{36}$/);
    // Pinned elsewhere since (another key hash): the console does not know that certificate.
    expect(await readPinnedCertificate(t.db, { ...ref, certPublicKeyHash: certPublicKeyHash(other) })).toBeNull();
  });
});
