import { FIXTURE_HOST, rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { patchAsBrowser } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolationsAtBothWidths } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CALLBACKS][URL]: a URL ending in /v2/tx_sign_request is stopped in the form, fixed in one click, refused by the server, and spelled as the findings spell it', async ({
  page,
  seed,
}) => {
  const ref = seededKey('publicKey', 16);
  const pem = rsaKeyPair(2048, `misrouted-${Date.now().toString(36)}`).publicKeyPem;
  const edit = new EditHandlerPage(page, ref);
  const form = page.getByRole('form', { name: 'Change callback handler' });
  const verdict = page.getByRole('region', { name: 'Inspection' }).locator('[data-verdict]');
  await edit.open();

  await edit.fill({ url: `https://${FIXTURE_HOST}/fireblocks/v2/tx_sign_request`, mode: 'publicKey', pem });
  // Stopped, not "acceptable, with warnings": the Co-Signer would call …/v2/tx_sign_request/v2/tx_sign_request.
  await expect(form.getByText(/already ends in \/v2\/tx_sign_request/).first()).toBeVisible();
  await expect(verdict).toHaveAttribute('data-verdict', 'unusable');
  await expect(edit.review).toBeDisabled();
  const use = form.getByRole('button', { name: `Use https://${FIXTURE_HOST}/fireblocks` });
  await expect(use).toBeVisible();
  await expectNoSeriousA11yViolationsAtBothWidths(page, 'form, a URL ending in a Co-Signer route');
  await use.click();
  await expect(edit.url).toHaveValue(`https://${FIXTURE_HOST}/fireblocks`);
  await expect(edit.url).toBeFocused();
  await expect(verdict).toHaveAttribute('data-verdict', 'fine');
  await expect(edit.review).toBeEnabled();

  // A root path: the corrected URL is the normalised one the form would send (with its slash).
  await edit.url.fill(`https://${FIXTURE_HOST}/v2/tx_sign_request/`);
  await form.getByRole('button', { name: `Use https://${FIXTURE_HOST}/` }).click();
  await expect(edit.url).toHaveValue(`https://${FIXTURE_HOST}/`);

  // The server refuses it too, on the field, and records nothing.
  const refused = await patchAsBrowser(page.request, APP_ORIGIN, ref, {
    callbackHandler: { url: `https://${FIXTURE_HOST}/fireblocks/v2/tx_sign_request`, publicKey: pem },
  });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { fields?: Record<string, string> } };
  expect(body.error.fields?.['callbackHandler.url']).toMatch(/already ends in \/v2\/tx_sign_request/);

  // The findings' corrected URL and the form's offer are the same text.
  await page.goto('/findings');
  const misrouted = page.getByRole('region', { name: /^URL ends in a Co-Signer route/ });
  const item = misrouted
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: seed.keyMisrouted.apiKeyId, exact: true }) });
  const action = (await item.getByText(/^Change the URL to /).textContent()) ?? '';
  const corrected = /^Change the URL to (.+)\.$/.exec(action)?.[1] ?? '';
  expect(corrected).toBe('https://callbacks.staking.acme-capital.example/fireblocks');
  await new EditHandlerPage(page, seed.keyMisrouted).open();
  await expect(page.getByRole('button', { name: `Use ${corrected}` })).toBeVisible();
});
