import { buildSeed, DEFAULT_SEED } from '../sim/seed';
import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { authFile } from '../testing/e2e/users';

test.use(signedInAs('vera'));

test('[AUDIT][FILTERS]: a viewer finds one change’s events by the short id the table shows, by cosigner name, by actor email in any case, and by kind in words; a filter that cannot be used empties the table and says why', async ({
  browser,
  page,
}) => {
  const ref = seededKey('publicKey', 18);
  const cosignerName = buildSeed(DEFAULT_SEED).find((c) => c.cosigner.id === ref.cosignerId)?.cosigner.name ?? '';
  expect(cosignerName).not.toBe('');

  // alice proposes a change and withdraws it: two events of one change, on a cosigner with a name.
  const alice = await browser.newContext({ storageState: authFile('alice') });
  let changeId = '';
  try {
    const request = (await alice.newPage()).request;
    const res = await patchAsBrowser(request, APP_ORIGIN, ref, validHandlerBody(`audit-filters-${Date.now()}`));
    expect(res.status(), await res.text()).toBe(201);
    changeId = ((await res.json()) as { change: { id: string } }).change.id;
    const withdrawn = await request.post(`/api/changes/${changeId}/withdraw`, {
      data: {},
      headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  } finally {
    await alice.close();
  }
  const shortChange = changeId.slice(0, 8);

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });

  // Kinds in words, in the list and in the table; the address keeps the code.
  const kind = page.getByLabel('Kind');
  await expect(kind.getByRole('option', { name: 'Change withdrawn' })).toHaveCount(1);
  expect(await kind.getByRole('option').allTextContents()).not.toContainEqual(expect.stringContaining('_'));
  await kind.selectOption({ label: 'Change withdrawn' });
  await expect(page).toHaveURL(/kind=change_withdrawn/);
  await expect(rows.first()).toContainText('Change withdrawn');
  await expect(table).not.toContainText('change_withdrawn');
  await kind.selectOption({ label: 'All kinds' });

  // The short id the table shows finds the change's events, and only them.
  await expect(table.getByRole('link', { name: shortChange }).first()).toBeVisible();
  await page.getByLabel('Change ID').fill(shortChange);
  await expect(page).toHaveURL(new RegExp(`changeId=${shortChange}`));
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Change withdrawn');
  await expect(rows.nth(1)).toContainText('Change proposed');
  // The exports take the same filters.
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    new RegExp(`changeId=${shortChange}`),
  );

  // By the cosigner's name, and the actor's email typed in capitals: still those two.
  await page.getByRole('searchbox', { name: 'Cosigner (name or ID)' }).fill(cosignerName);
  await expect(page).toHaveURL(/cosigner=/);
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Actor').fill('ALICE@EXAMPLE.TEST');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Alice');
  await page.getByLabel('Actor').fill('nobody@example.test');
  await expect(page.getByText('No events match these filters')).toBeVisible();
  await page.getByLabel('Actor').fill('');
  await expect(rows).toHaveCount(2);

  // A filter the server cannot use: no rows at all (not the unfiltered ones), and why.
  await page.getByLabel('API key ID').fill('not an id!');
  // The filter's own alert (Next's route announcer is an alert too).
  const problem = page.getByRole('alert').filter({ hasText: 'This filter cannot be used' });
  await expect(table).toHaveCount(0);
  await expect(problem).toContainText('API key ID');
  await expect(problem).toContainText('letters, digits');
  // The same link opened afresh says the same.
  await page.reload();
  await expect(table).toHaveCount(0);
  await expect(problem).toContainText('API key ID');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows.first()).toBeVisible();
});
