import { buildSeed, DEFAULT_SEED } from '../sim/seed';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('vera'));

/** Uppercase colon pairs, as people copy a fingerprint from the console or openssl. */
const colonPairs = (hex: string) => hex.toUpperCase().match(/../g)?.join(':') ?? '';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('[SEARCH][ACROSS-PAGES]: a key on page 3 of Treasury SGX is found by a part of its URL host and by its fingerprint, and opened', async ({
  page,
  seed,
}) => {
  const target = buildSeed(DEFAULT_SEED)
    .find((c) => c.cosigner.id === seed.bigCosignerId)
    ?.keys.find((k) => k.id === seed.keyOnPage3.apiKeyId);
  const url = target?.callbackHandler?.url ?? '';
  const hash = target?.callbackHandler?.certPublicKeyHash ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const hostPart = new URL(url).hostname.split('.')[0] ?? '';

  // On the first page of Treasury SGX (100 rows) the filter cannot see it; the empty state offers the real search.
  await page.goto(`/cosigners/${seed.bigCosignerId}?pageSize=100`);
  await page.getByLabel(/^Filter this page/).fill(hostPart);
  await expect(page.getByText(/No API keys on this page match/)).toBeVisible();
  await expect(page.getByRole('link', { name: `Search every page for “${hostPart}”` })).toHaveAttribute(
    'href',
    `/search?${new URLSearchParams({ q: hostPart })}`,
  );

  // The header's box searches every page of every cosigner.
  await page
    .getByRole('search', { name: 'Keys and cosigners' })
    .getByRole('searchbox', { name: 'Search keys and cosigners' })
    .fill(hostPart);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?${escape(new URLSearchParams({ q: hostPart }).toString())}$`));
  const box = page.getByRole('searchbox', { name: 'Search every page of every cosigner' });
  await expect(box).toHaveValue(hostPart);
  const results = page.getByRole('region', { name: 'API keys' });
  const hit = results.getByRole('link', { name: seed.keyOnPage3.apiKeyId, exact: true });
  await expect(hit).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByText('Matched: URL host')).toBeVisible();
  await expect(results.getByText(url, { exact: true })).toBeVisible();
  await expect(page.getByText(/Results as of \d+ (s|min) ago/)).toBeVisible();

  // By fingerprint, as people paste one: colon pairs, uppercase. The URL follows once typing pauses.
  await box.fill(colonPairs(hash));
  await expect(results.getByText('Matched: Fingerprint')).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(hit).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${escape(new URLSearchParams({ q: colonPairs(hash) }).toString())}$`));

  // Keyboard only: from the box to the result, and open it.
  await box.focus();
  for (let i = 0; i < 20 && !(await hit.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(hit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/cosigners/${seed.bigCosignerId}/api-keys/${seed.keyOnPage3.apiKeyId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'API key' })).toBeVisible();
  await expect(page.getByText(url, { exact: true })).toBeVisible();
});
