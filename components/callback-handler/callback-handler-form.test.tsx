import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { FAKE_CHANGE_ID, fakeConsoleApi } from '@/testing/vitest/fake-console-api';
import { AppError } from '@/lib/errors/app-error';
import { validateCallbackHandler } from '@/lib/callback-handler/validate';
import { PRIVATE_KEY_MESSAGE } from '@/lib/callback-handler/callback-handler-schemas';
import { pemBody, pkcs8PrivateKeyPem, rsa2048PublicKeyPem, validCertPem } from '@/testing/fixtures/pem-fixtures';

import { CallbackHandlerForm } from './callback-handler-form';

const API_KEY_ID = 'key-0000-abcdef';
const CURRENT_URL = 'https://callbacks.example.com';
const OTHER_CHANGE_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
let publicKeyPem: string;
let certPem: string;

beforeAll(async () => {
  publicKeyPem = rsa2048PublicKeyPem();
  certPem = await validCertPem();
});

/**
 * The form as the edit page mounts it, for a key whose handler uses a public key, with the console's inspect and
 * PATCH routes answered in-process by the real lib code (see fakeConsoleApi).
 */
function renderForm(api = fakeConsoleApi({ allowLoopbackHttp: true })) {
  vi.stubGlobal('fetch', api.fetch);
  const onRecorded = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <CallbackHandlerForm
        cosignerId="c1"
        apiKeyId={API_KEY_ID}
        current={{ url: CURRENT_URL, publicKey: publicKeyPem }}
        allowLoopbackHttp
        onRecorded={onRecorded}
      />
    </QueryClientProvider>,
  );
  const form = screen.getByRole('form', { name: 'Change callback handler' });
  return {
    api,
    onRecorded,
    user: userEvent.setup(),
    url: within(form).getByLabelText('Callback URL'),
    pem: () => within(form).getByLabelText(/^(Public key|Certificate) \(PEM\)$/),
    review: within(form).getByRole('button', { name: 'Review change' }),
    publicKeyMode: within(form).getByRole('radio', { name: 'Public key' }),
    certMode: within(form).getByRole('radio', { name: 'Certificate' }),
  };
}

/** Past the 400 ms debounce and the inspection round trip. */
const settled = { timeout: 5_000 };

describe('CallbackHandlerForm', () => {
  it('enables "Review change" only once something changed and the change is valid', async () => {
    const f = renderForm();
    expect(f.review).toHaveProperty('disabled', true);
    expect(screen.getByText('Change the URL, key or certificate to continue.')).toBeTruthy();

    await f.user.clear(f.url);
    await f.user.type(f.url, 'not a url');
    await waitFor(() => expect(f.url.getAttribute('aria-invalid')).toBe('true'), settled);
    expect(f.review).toHaveProperty('disabled', true);

    await f.user.clear(f.url);
    await f.user.type(f.url, 'https://hooks.example.org');
    await waitFor(() => expect(f.review).toHaveProperty('disabled', false), settled);
    expect(
      f.api.calls.some((c) => c.path === '/api/callback-handler/inspect' && c.body.includes('hooks.example.org')),
    ).toBe(true);

    // Back to what is live: nothing to send.
    await f.user.clear(f.url);
    await f.user.type(f.url, CURRENT_URL);
    await waitFor(() => expect(f.review).toHaveProperty('disabled', true), settled);
  });

  it('switches between public key and certificate, keeping what each had', async () => {
    const f = renderForm();
    expect(f.publicKeyMode).toHaveProperty('checked', true);
    expect(f.pem().getAttribute('placeholder')).toContain('BEGIN PUBLIC KEY');
    expect((f.pem() as HTMLTextAreaElement).value).toBe(publicKeyPem);

    await f.user.click(f.certMode);
    expect(f.certMode).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Certificate (PEM)')).toBe(f.pem());
    expect((f.pem() as HTMLTextAreaElement).value).toBe('');
    expect(f.review).toHaveProperty('disabled', true);

    await f.user.click(f.pem());
    await f.user.paste(certPem);
    // The certificate is for the URL's host: inspected on the server side as fine, and the change can be reviewed.
    await waitFor(() => expect(screen.getByText('Looks right')).toBeTruthy(), settled);
    await waitFor(() => expect(f.review).toHaveProperty('disabled', false), settled);
    const inspected = f.api.calls
      .filter((c) => c.path === '/api/callback-handler/inspect')
      .map((c) => JSON.parse(c.body) as Record<string, unknown>);
    expect(inspected.at(-1)).toEqual({ url: CURRENT_URL, cert: certPem });

    await f.user.click(f.publicKeyMode);
    expect(screen.getByLabelText('Public key (PEM)')).toBe(f.pem());
    expect((f.pem() as HTMLTextAreaElement).value).toBe(publicKeyPem);
    await f.user.click(f.certMode);
    expect((f.pem() as HTMLTextAreaElement).value).toBe(certPem);
  });

  it('refuses a pasted private key: the field is emptied, says why, and the key is never shown or sent', async () => {
    const f = renderForm();
    const privateKeyPem = pkcs8PrivateKeyPem();
    const secret = pemBody(privateKeyPem).slice(0, 48);

    await f.user.clear(f.pem());
    await f.user.paste(privateKeyPem);

    expect((f.pem() as HTMLTextAreaElement).value).toBe('');
    expect(f.pem().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(PRIVATE_KEY_MESSAGE)).toBeTruthy();
    expect(f.pem().getAttribute('aria-describedby')).toContain(screen.getByText(PRIVATE_KEY_MESSAGE).closest('p')?.id);
    expect(f.review).toHaveProperty('disabled', true);
    // Give the debounced inspection its chance to (wrongly) go out, then check nothing carried the key anywhere.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(document.body.innerHTML).not.toContain(secret);
    expect(f.api.calls.filter((c) => c.body.includes(secret))).toEqual([]);
    expect(f.api.calls.filter((c) => c.body.includes('PRIVATE KEY'))).toEqual([]);
    // The panel agrees with the field: no "Looks right" for the URL alone, and it says what was refused, in the same
    // words as the hint beside the button.
    expect(
      screen.getByText('Cannot be used: this is a private key, which must never leave the callback handler'),
    ).toBeTruthy();
    expect(
      screen.getByText('Cannot be used: this is a private key, which must never leave the callback handler.'),
    ).toBeTruthy();
    expect(screen.getByText(`Public key: ${PRIVATE_KEY_MESSAGE}`)).toBeTruthy();
    expect(screen.queryByText('Looks right')).toBeNull();
  });

  it('puts the field errors of a PATCH 400 back on their fields and closes the dialog', async () => {
    // The browser's rules allow plain http to loopback (simulator), the server's at send time no longer do.
    const f = renderForm(fakeConsoleApi({ allowLoopbackHttp: true, sendAllowsLoopbackHttp: false }));
    const loopback = 'http://127.0.0.1:8443';
    await f.user.clear(f.url);
    await f.user.type(f.url, loopback);
    await waitFor(() => expect(f.review).toHaveProperty('disabled', false), settled);

    await f.user.click(f.review);
    const dialog = await screen.findByRole('dialog', { name: 'Confirm callback handler change' });
    await f.user.type(within(dialog).getByLabelText(/Type the last six characters/), API_KEY_ID.slice(-6));
    await f.user.click(within(dialog).getByRole('button', { name: 'Send to Fireblocks' }));

    const expected = serverUrlMessage({ callbackHandler: { url: loopback, publicKey: publicKeyPem } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), settled);
    expect(f.api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(f.url.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText(expected);
    expect(f.url.getAttribute('aria-describedby')).toContain(message.closest('p')?.id);
    await waitFor(() => expect(document.activeElement).toBe(f.url));
    expect(f.onRecorded).not.toHaveBeenCalled();
  });
});

describe('CallbackHandlerForm sends a change', () => {
  /** Changes the URL, reviews, gives the reason and the confirmation code, and sends. */
  async function send(f: ReturnType<typeof renderForm>, reason = '') {
    await f.user.clear(f.url);
    await f.user.type(f.url, 'HTTPS://Hooks.Example.org:443');
    await waitFor(() => expect(f.review).toHaveProperty('disabled', false), settled);
    await f.user.click(f.review);
    const dialog = await screen.findByRole('dialog', { name: 'Confirm callback handler change' });
    // The dialog shows the URL as it will be sent, not as it was typed.
    expect(dialog.textContent).toContain('https://hooks.example.org/');
    expect(dialog.textContent).not.toContain('Hooks.Example');
    if (reason) await f.user.type(within(dialog).getByLabelText(/^Reason/), reason);
    await f.user.type(within(dialog).getByLabelText(/Type the last six characters/), API_KEY_ID.slice(-6));
    await f.user.click(within(dialog).getByRole('button', { name: 'Send to Fireblocks' }));
    return dialog;
  }

  it('records the change with its reason and hands over to the change’s page', async () => {
    const f = renderForm();
    await send(f, 'Move to the new host');
    await waitFor(() => expect(f.onRecorded).toHaveBeenCalledWith(FAKE_CHANGE_ID), settled);
    const patch = f.api.calls.filter((c) => c.method === 'PATCH');
    expect(patch).toHaveLength(1);
    expect(JSON.parse(patch[0]?.body ?? '{}')).toMatchObject({
      reason: 'Move to the new host',
      callbackHandler: { url: 'https://hooks.example.org/' },
    });
  });

  it('shows another admin’s open change with a link to it, and records nothing', async () => {
    const open = {
      status: 409,
      error: { code: 'change_open', message: 'Alice’s change to this key is still open.', changeId: OTHER_CHANGE_ID },
    };
    const f = renderForm(fakeConsoleApi({ allowLoopbackHttp: true, patchError: open }));
    const dialog = await send(f);
    await waitFor(() => expect(within(dialog).getByText('Another change is open for this key')).toBeTruthy(), settled);
    expect(within(dialog).getByRole('link', { name: 'View the open change' }).getAttribute('href')).toBe(
      `/changes/${OTHER_CHANGE_ID}`,
    );
    expect(f.onRecorded).not.toHaveBeenCalled();
  });

  it('follows a change whose answer was lost to its page, and never offers to send it again', async () => {
    const lost = {
      status: 504,
      error: { code: 'upstream_timeout', message: 'No answer from Fireblocks.', changeId: OTHER_CHANGE_ID },
    };
    const f = renderForm(fakeConsoleApi({ allowLoopbackHttp: true, patchError: lost }));
    const dialog = await send(f);
    await waitFor(() => expect(f.onRecorded).toHaveBeenCalledWith(OTHER_CHANGE_ID), settled);
    expect(within(dialog).getByRole('button', { name: /Send/ })).toHaveProperty('disabled', true);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(f.api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
  });
});

/** The URL message the server's own validation gives for a body (what the PATCH answers in `fields`). */
function serverUrlMessage(body: unknown): string {
  try {
    validateCallbackHandler(body, { allowLoopbackHttp: false });
  } catch (error) {
    const message = error instanceof AppError ? error.fields?.['callbackHandler.url'] : undefined;
    if (message) return message;
  }
  throw new Error('expected the server to refuse the URL');
}
