import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

const TYPED = 'callback-handler';

test('[FILTERS]: typing fast into every list filter keeps every character, and the URL follows once typing pauses', async ({
  page,
  seed,
}) => {
  const lists: Array<{ path: string; field: string; param: string }> = [
    { path: '/cosigners', field: 'Filter this page (Fireblocks has no search)', param: 'q' },
    { path: `/cosigners/${seed.bigCosignerId}`, field: 'Filter this page (Fireblocks has no search)', param: 'q' },
    { path: '/audit', field: 'Actor (name, email or subject)', param: 'actor' },
    { path: '/audit', field: 'Cosigner (name or ID)', param: 'cosigner' },
    { path: '/audit', field: 'API key ID', param: 'apiKeyId' },
  ];
  for (const list of lists) {
    await page.goto(list.path);
    const input = page.getByLabel(list.field, { exact: true });
    await input.click();
    await input.pressSequentially(TYPED, { delay: 60 });
    await expect(input).toHaveValue(TYPED);
    await expect
      .poll(() => new URL(page.url()).searchParams.get(list.param), { message: `${list.path} ${list.param}` })
      .toBe(TYPED);
    // Still whole once the URL has caught up (nothing written back over the field).
    await expect(input).toHaveValue(TYPED);
  }
});
