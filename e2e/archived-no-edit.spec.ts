import { buildSeed, DEFAULT_SEED } from '../sim/seed';
import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

const seed = buildSeed(DEFAULT_SEED);
const gated = [
  {
    label: 'archived',
    entry: seed.find((c) => c.cosigner.archived),
    reason: /This cosigner is archived: its callback handlers can no longer be changed\./,
    code: 'cosigner_archived',
  },
  {
    label: 'below the minimum version',
    entry: seed.find((c) => c.cosigner.name === 'Branch Office SGX'),
    reason:
      /This cosigner runs 3\.6\.1 \(October 2025\); changing a callback handler through Fireblocks needs SGX 3\.7\.1 or newer\./,
    code: 'cosigner_version_too_old',
  },
];

test('[GATES][EDIT]: an archived cosigner and one below the minimum version offer no Edit and say why, on every page', async ({
  page,
}) => {
  for (const { label, entry, reason, code } of gated) {
    if (!entry?.keys[0]) throw new Error(`the seed has no ${label} cosigner with keys`);
    const cosignerId = entry.cosigner.id;
    const ref = { cosignerId, apiKeyId: entry.keys[0].id };
    const keyPath = `/cosigners/${cosignerId}/api-keys/${ref.apiKeyId}`;

    // The cosigner page: the reason above its keys, and no Edit on any row.
    await page.goto(`/cosigners/${cosignerId}`);
    const note = page.getByRole('note', { name: 'Why there is no Edit' });
    await expect(note).toHaveText(reason);
    const keys = page.getByRole('table', { name: 'API keys' });
    await expect(keys.getByRole('link', { name: ref.apiKeyId, exact: true })).toBeVisible();
    await expect(keys.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, `cosigner ${label}`);

    // The key page: no Edit, the same reason.
    await page.goto(keyPath);
    await expect(page.getByRole('heading', { level: 1, name: 'API key' })).toBeVisible();
    await expect(note).toHaveText(reason);
    await expect(page.getByRole('link', { name: /Edit callback handler/ })).toHaveCount(0);

    // The edit address itself: the reason instead of the form.
    await page.goto(`${keyPath}/edit`);
    await expect(note).toHaveText(reason);
    await expect(page.getByRole('form', { name: 'Change callback handler' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, `edit page, cosigner ${label}`);

    // The server refuses the same before recording anything.
    const res = await patchAsBrowser(
      page.request,
      APP_ORIGIN,
      ref,
      validHandlerBody(`gate-${Date.now().toString(36)}`),
    );
    expect(res.status()).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  }
});
