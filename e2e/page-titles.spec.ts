import { buildSeed } from '../sim/seed';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

test('[TITLES]: each page names what is open in its tab title', async ({ page, seed }) => {
  const treasury = buildSeed(1).find((c) => c.cosigner.id === seed.bigCosignerId);
  const key = treasury?.keys[0];
  if (!treasury || !key) throw new Error('the seed has no Treasury SGX key');
  expect(treasury.cosigner.name).toBe('Treasury SGX');
  const keyPath = `/cosigners/${seed.bigCosignerId}/api-keys/${key.id}`;
  const titles: Array<[string, string]> = [
    ['/cosigners', 'Cosigners · Cosigner Console'],
    [`/cosigners/${seed.bigCosignerId}`, 'Treasury SGX · Cosigners · Cosigner Console'],
    [keyPath, `Key …${key.id.slice(-6)} · Treasury SGX · Cosigner Console`],
    [`${keyPath}/edit`, `Edit key …${key.id.slice(-6)} · Treasury SGX · Cosigner Console`],
    ['/changes', 'Changes · Cosigner Console'],
    ['/audit', 'Audit trail · Cosigner Console'],
    ['/account/sessions', 'Your sessions · Cosigner Console'],
  ];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});
