import { expect, type Locator, type Page } from '@playwright/test';

import type { KeyRef } from '../../sim/seed';

const CHANGE_URL = /\/changes\/([0-9a-f-]{36})$/;

/** The "Change callback handler" page, by its accessible names: what an admin sees and operates. */
export class EditHandlerPage {
  readonly url: Locator;
  readonly publicKeyMode: Locator;
  readonly certMode: Locator;
  /** The PEM textarea; its label follows the mode ("Public key (PEM)" / "Certificate (PEM)"). */
  readonly pem: Locator;
  readonly review: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly ref: KeyRef,
  ) {
    const form = page.getByRole('form', { name: 'Change callback handler' });
    this.url = form.getByLabel('Callback URL');
    this.publicKeyMode = form.getByRole('radio', { name: 'Public key' });
    this.certMode = form.getByRole('radio', { name: 'Certificate' });
    this.pem = form.getByLabel(/^(Public key|Certificate) \(PEM\)$/);
    this.review = form.getByRole('button', { name: 'Review change' });
    this.dialog = page.getByRole('dialog', { name: 'Confirm callback handler change' });
  }

  static path(ref: KeyRef): string {
    return `/cosigners/${encodeURIComponent(ref.cosignerId)}/api-keys/${encodeURIComponent(ref.apiKeyId)}/edit`;
  }

  /**
   * Opens the page and waits for the form itself: it mounts once, with the key as read, and later server data
   * never rewrites a field (components/callback-handler/form-start.ts), so from here typing replaces what is shown.
   */
  async open(): Promise<void> {
    await this.page.goto(EditHandlerPage.path(this.ref));
    await expect(this.url).toBeEditable();
  }

  /** Types a new handler the way a person does: URL, the kind of authentication, then the PEM text. */
  async fill(handler: { url: string; mode: 'publicKey' | 'cert'; pem: string }): Promise<void> {
    await this.url.fill(handler.url);
    await expect(this.url).toHaveValue(handler.url);
    await (handler.mode === 'cert' ? this.certMode : this.publicKeyMode).check();
    await this.pem.fill(handler.pem);
  }

  /**
   * Opens the confirmation, gives the reason (if any), types the key id's last six characters and submits: sent at
   * once, or (CHANGE_APPROVALS=1, the default) recorded to wait for another admin's approval.
   */
  /** The dialog's submit button, named for what it does: send at once, or submit for another admin's approval. */
  get submit() {
    return this.dialog.getByRole('button', { name: /^(Send to Fireblocks|Submit for approval)$/ });
  }

  async reviewAndSend(reason?: string): Promise<void> {
    await expect(this.review).toBeEnabled();
    await this.review.click();
    await expect(this.dialog).toBeVisible();
    if (reason) await this.dialog.getByLabel(/^Reason/).fill(reason);
    await this.dialog.getByLabel(/Type the last six characters/).fill(this.ref.apiKeyId.slice(-6));
    await this.submit.click();
  }

  /** Waits for the change's own page, where a sent change is followed, and gives the change's id. */
  async changePage(): Promise<string> {
    await expect(this.page).toHaveURL(CHANGE_URL);
    return CHANGE_URL.exec(this.page.url())?.[1] ?? '';
  }

  /** The live status line of a change on its page ("Status: …"). */
  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Status:' });
  }
}
