import {
  expiredCertPem,
  FIXTURE_HOST,
  pkcs8PrivateKeyPem,
  rsa2048PublicKeyPem,
} from '../testing/fixtures/pem-fixtures';
import { upstreamKeyPath } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

interface BadInput {
  name: string;
  handler: () => Promise<{ url: string; mode: 'publicKey' | 'cert'; pem: string }>;
  /** Which field carries the error, and what it says. */
  field: 'url' | 'pem';
  message: RegExp;
}

const GOOD_URL = `https://${FIXTURE_HOST}/cosigner`;

const CASES: BadInput[] = [
  {
    name: 'a pasted private key',
    handler: () => Promise.resolve({ url: GOOD_URL, mode: 'publicKey', pem: pkcs8PrivateKeyPem() }),
    field: 'pem',
    message: /private key/i,
  },
  {
    name: 'an expired certificate',
    handler: async () => ({ url: GOOD_URL, mode: 'cert', pem: await expiredCertPem() }),
    field: 'pem',
    message: /expired/i,
  },
  {
    name: 'a plain http URL',
    handler: () =>
      Promise.resolve({ url: `http://${FIXTURE_HOST}/cosigner`, mode: 'publicKey', pem: rsa2048PublicKeyPem() }),
    field: 'url',
    message: /https/i,
  },
];

for (const [i, c] of CASES.entries()) {
  test(`[CALLBACKS][INVALID]: ${c.name} shows a clear field error and sends nothing`, async ({ page, sim }) => {
    const ref = seededKey('publicKey', 3 + i);
    const sentToApp: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') sentToApp.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`);
    });
    const edit = new EditHandlerPage(page, ref);
    await edit.open();
    await edit.fill(await c.handler());

    const field = c.field === 'url' ? edit.url : edit.pem;
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(c.message);
    await expect(edit.review).toBeDisabled();
    if (c.name.includes('private key')) {
      // Cleared on the spot: never kept, never inspected, never sent anywhere.
      await expect(edit.pem).toHaveValue('');
      expect(sentToApp.filter((s) => s.includes('PRIVATE KEY'))).toEqual([]);
    }

    expect(sentToApp.filter((s) => s.startsWith('PATCH'))).toEqual([]);
    const upstream = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) =>
      e.path.startsWith(upstreamKeyPath(ref)),
    );
    expect(upstream).toEqual([]);
  });
}
