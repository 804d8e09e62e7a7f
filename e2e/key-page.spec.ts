import { createHash, createPublicKey, randomUUID } from 'node:crypto';

import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

/** SHA-256 of the key's DER SubjectPublicKeyInfo, computed here with node:crypto rather than with the app's code. */
function spkiSha256(pem: string): string {
  return createHash('sha256')
    .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

test('[KEYS][PAGE]: an admin opens a key from the list, copies its full fingerprint and goes on to Edit', async ({
  page,
  context,
}) => {
  // A key no other journey changes, on the first page of its cosigner's list; its PEM as the simulator serves it.
  const ref = seededKey('publicKey', 11);
  const handler = ref.apiKey.callbackHandler;
  if (!handler?.publicKey) throw new Error('the seeded key has no public key');
  const fingerprint = spkiSha256(handler.publicKey);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });

  await page.goto(`/cosigners/${ref.cosignerId}`);
  const pairs = fingerprint.toUpperCase().match(/../g) ?? [];
  // The list shows it short, the middle elided (first and last four pairs), and copies it whole.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: ref.apiKeyId, exact: true }) });
  await expect(row.getByText(`${pairs.slice(0, 4).join(':')}…${pairs.slice(-4).join(':')}`)).toBeVisible();
  await row.getByRole('button', { name: 'Copy SHA-256 fingerprint' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(fingerprint);
  // The rows' copy buttons report to the table's one live region (CopyReportContext), for screen readers.
  const keysRegion = page.getByRole('region', { name: 'API keys' });
  await expect(keysRegion.getByRole('status').filter({ hasText: /^Copied$/ })).toBeAttached();
  await page.getByRole('table', { name: 'API keys' }).getByRole('link', { name: ref.apiKeyId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'API key' })).toBeVisible();

  // The handler in full: URL, mode, the key's details and its whole fingerprint in colon pairs.
  const details = page.getByRole('region', { name: 'Callback handler' });
  await expect(details.getByText(handler.url, { exact: true })).toBeVisible();
  await expect(details.getByText('Public key', { exact: true })).toBeVisible();
  await expect(details.getByText('RSA, 2048 bits')).toBeVisible();
  const full = details.getByText(pairs.join(':'), { exact: true });
  await expect(full).toBeVisible();
  // On a narrow screen it wraps, but only between pairs: each pair's text (with the colon after it) lies on one line.
  await page.setViewportSize({ width: 375, height: 800 });
  const layout = await full.evaluate((code) => {
    const tops = Array.from(code.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE && /^[0-9A-F]{2}:?$/.test(n.textContent ?? ''))
      .map((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return Array.from(new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))));
      });
    return {
      pairs: tops.length,
      splitPairs: tops.filter((t) => t.length !== 1).length,
      lines: new Set(tops.flat()).size,
    };
  });
  expect(layout.pairs).toBe(32);
  expect(layout.splitPairs).toBe(0);
  expect(layout.lines).toBeGreaterThan(1);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Copy puts the plain hex on the clipboard, as sha256sum prints it.
  const copy = details.getByRole('button', { name: 'Copy SHA-256 fingerprint' });
  await copy.click();
  await expect(copy.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fingerprint);

  await page.getByRole('link', { name: 'Edit callback handler' }).click();
  await expect(page).toHaveURL(new RegExp(`/api-keys/${ref.apiKeyId}/edit$`));
  await expect(new EditHandlerPage(page, ref).url).toBeEditable();

  // A key id that Fireblocks does not know is a real 404, not a streamed 200 with the not-found view.
  const unknown = await page.goto(`/cosigners/${ref.cosignerId}/api-keys/${randomUUID()}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /not (be )?found/i })).toBeVisible();
});
