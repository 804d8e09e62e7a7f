import {
  FIXTURE_HOST,
  makeCertificate,
  otherHostCertPem,
  pkcs8PrivateKeyPem,
  rsa1024PublicKeyPem,
  rsa2048PublicKeyPem,
} from '../testing/fixtures/pem-fixtures';
import { expectNoSeriousA11yViolations, expectNoSeriousA11yViolationsAtBothWidths } from '../testing/e2e/axe';
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
  const edit = new EditHandlerPage(page, seededKey('publicKey', 10));
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
  await expect(verdict).toHaveText(
    'Cannot be used: this is a private key, which must never leave the callback handler',
  );
  await expect(panel).toContainText('Public key: This is a private key');
  await expect(panel.getByText('Looks right')).toHaveCount(0);
  await expect(edit.review).toBeDisabled();
});

test('[CALLBACKS][INSPECTION]: an expired certificate, one for another host, an RSA-1024 key: one verdict with its reason, in the panel and beside the button', async ({
  page,
}) => {
  const panel = page.getByRole('region', { name: 'Inspection' });
  const verdict = panel.locator('[data-verdict]');
  const form = page.getByRole('form', { name: 'Change callback handler' });
  const hint = form.getByTestId('submit-verdict');
  const expired = (
    await makeCertificate({
      hosts: [FIXTURE_HOST],
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T12:00:00Z'),
    })
  ).certPem;
  const edit = new EditHandlerPage(page, seededKey('publicKey', 10));
  await edit.open();

  const cases = [
    {
      mode: 'cert' as const,
      pem: expired,
      says: 'Cannot be used: the certificate expired on 1 January 2025',
    },
    {
      mode: 'cert' as const,
      pem: await otherHostCertPem(),
      says: `Cannot be used: this certificate does not cover ${FIXTURE_HOST}`,
    },
    { mode: 'publicKey' as const, pem: rsa1024PublicKeyPem(), says: 'Cannot be used: this is an RSA 1024-bit key' },
  ];
  for (const c of cases) {
    await edit.fill({ url: `https://${FIXTURE_HOST}/fireblocks`, mode: c.mode, pem: c.pem });
    // One verdict, with its reason, in the panel and beside the disabled button: never "Looks right" beside an error.
    await expect(verdict).toHaveAttribute('data-verdict', 'unusable');
    await expect(verdict).toContainText(c.says);
    await expect(hint).toContainText(c.says);
    await expect(panel.getByText('Looks right')).toHaveCount(0);
    await expect(edit.review).toBeDisabled();
    await expect(form.getByText('Fix the errors above')).toHaveCount(0);
    // Dates for people: no ISO timestamp anywhere on the page.
    await expect(page.locator('main')).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  }
  await edit.fill({ url: `https://${FIXTURE_HOST}/fireblocks`, mode: 'cert', pem: expired });
  await expect(verdict).toContainText('Cannot be used: the certificate expired on 1 January 2025');
  await expectNoSeriousA11yViolationsAtBothWidths(page, 'inspection, an expired certificate');
});
