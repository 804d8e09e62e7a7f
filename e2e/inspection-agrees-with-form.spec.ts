import { FIXTURE_HOST, pkcs8PrivateKeyPem, rsa2048PublicKeyPem } from '../testing/fixtures/pem-fixtures';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CALLBACKS][INSPECTION]: the inspection verdict agrees with the form: warnings, a refused private key, an empty field', async ({
  page,
  seed,
}) => {
  const panel = page.getByRole('region', { name: 'Inspection' });
  const verdict = panel.locator('[data-verdict]');

  // A pinned-certificate key opens with no certificate text: no verdict of success for an empty field.
  await new EditHandlerPage(page, seed.keyWithCert).open();
  await expect(verdict).toHaveText('Not complete yet');
  await expect(panel.getByText('Looks right')).toHaveCount(0);

  // Acceptable with a warning (a query string): said in the warning colour, not the success one.
  const edit = new EditHandlerPage(page, seededKey('publicKey', 11));
  await edit.open();
  await edit.fill({ url: `https://${FIXTURE_HOST}/cosigner?tenant=a`, mode: 'publicKey', pem: rsa2048PublicKeyPem() });
  await expect(verdict).toHaveText('Acceptable, with warnings');
  await expect(verdict).toHaveAttribute('data-verdict', 'warnings');
  const color = await verdict.evaluate((el) => getComputedStyle(el).color);
  const success = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'text-emerald-700';
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  expect(color).not.toBe(success);
  await expectNoSeriousA11yViolations(page, 'inspection acceptable with warnings');

  // A pasted private key: refused, the field emptied, and the panel says so instead of "Looks right".
  await edit.pem.fill(pkcs8PrivateKeyPem());
  await expect(edit.pem).toHaveValue('');
  await expect(verdict).toHaveText('Cannot be used');
  await expect(panel).toContainText('Public key: This is a private key');
  await expect(panel.getByText('Looks right')).toHaveCount(0);
  await expect(edit.review).toBeDisabled();
});
