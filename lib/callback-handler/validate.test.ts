import { beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import * as fx from '@/testing/fixtures/pem-fixtures';

import { mapServerFieldToFormField } from './fields';
import { inspectForPanel } from './inspect';
import { PRIVATE_KEY_MESSAGE } from './callback-handler-schemas';
import { validateCallbackHandler } from './validate';

const URL_OK = `https://${fx.FIXTURE_HOST}/fireblocks`;
const real = { allowLoopbackHttp: false };

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const certs: Record<string, string> = {};
beforeAll(async () => {
  Object.assign(certs, {
    valid: await fx.validCertPem(),
    expired: await fx.expiredCertPem(),
    otherHost: await fx.otherHostCertPem(),
  });
});

describe('validateCallbackHandler', () => {
  it('returns the normalised body for a valid key and a valid certificate', () => {
    const publicKey = fx.rsa2048PublicKeyPem();
    expect(validateCallbackHandler({ callbackHandler: { url: URL_OK, publicKey: `${publicKey}\n` } }, real)).toEqual({
      callbackHandler: { url: URL_OK, publicKey: publicKey.trim() },
    });
    expect(
      validateCallbackHandler({ callbackHandler: { url: URL_OK, cert: certs.valid } }, real).callbackHandler.cert,
    ).toBe(certs.valid?.trim());
  });

  it('refuses a certificate for another host on callbackHandler.cert (the Co-Signer could not connect)', () => {
    const error = rejection(() =>
      validateCallbackHandler({ callbackHandler: { url: URL_OK, cert: certs.otherHost } }, real),
    );
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(error.fields).toEqual({
      'callbackHandler.cert': `This certificate does not cover ${fx.FIXTURE_HOST}: its names are elsewhere.example.net. The Co-Signer would fail to connect.`,
    });
  });

  it('lets a certificate for another host through over loopback http to the simulator (no TLS there)', () => {
    const body = { callbackHandler: { url: 'http://127.0.0.1:4140/cb', cert: certs.otherHost } };
    expect(validateCallbackHandler(body, { allowLoopbackHttp: true }).callbackHandler.url).toBe(
      'http://127.0.0.1:4140/cb',
    );
  });

  it.each([
    [
      'schema rule',
      () => ({ callbackHandler: { url: 'http://h.example.com', publicKey: fx.rsa2048PublicKeyPem() } }),
      'callbackHandler.url',
      /https/,
    ],
    [
      'RSA-4096 key',
      () => ({ callbackHandler: { url: URL_OK, publicKey: fx.rsa4096PublicKeyPem() } }),
      'callbackHandler.publicKey',
      /RSA 4096-bit/,
    ],
    [
      'EC key',
      () => ({ callbackHandler: { url: URL_OK, publicKey: fx.ecP256PublicKeyPem() } }),
      'callbackHandler.publicKey',
      /EC P-256/,
    ],
    [
      'expired certificate',
      () => ({ callbackHandler: { url: URL_OK, cert: certs.expired } }),
      'callbackHandler.cert',
      /expired/,
    ],
    [
      'unknown field',
      () => ({ callbackHandler: { url: URL_OK, publicKey: fx.rsa2048PublicKeyPem() }, dryRun: true }),
      'dryRun',
      /Unknown field/,
    ],
  ])('%s: AppError 400 bad_request with a field message', (_name, body, field, message) => {
    const error = rejection(() => validateCallbackHandler(body(), real));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(error.fields?.[field]).toMatch(message);
    expect(error.message).toBe(error.fields?.[field]);
  });

  it('honours allowLoopbackHttp', () => {
    const body = { callbackHandler: { url: 'http://127.0.0.1:4140/cb', publicKey: fx.rsa2048PublicKeyPem() } };
    expect(() => validateCallbackHandler(body, real)).toThrow(AppError);
    expect(validateCallbackHandler(body, { allowLoopbackHttp: true }).callbackHandler.url).toBe(
      'http://127.0.0.1:4140/cb',
    );
  });

  it.each([
    ['pkcs8', fx.pkcs8PrivateKeyPem],
    ['pkcs1', fx.pkcs1PrivateKeyPem],
    ['encrypted', fx.encryptedPrivateKeyPem],
  ])('a pasted %s private key is refused and appears nowhere in the error body', (_name, make) => {
    const pem = make();
    const error = rejection(() => validateCallbackHandler({ callbackHandler: { url: URL_OK, publicKey: pem } }, real));
    const body = JSON.stringify({ body: error.toBody('req-1'), message: error.message, fields: error.fields });
    expect(error.fields).toEqual({ 'callbackHandler.publicKey': PRIVATE_KEY_MESSAGE });
    const b64 = fx.pemBody(pem);
    for (let i = 0; i + 32 <= b64.length; i += 61) expect(body).not.toContain(b64.slice(i, i + 32));
  });
});

describe('inspectForPanel', () => {
  it('reports rule breaks in the result rather than throwing, for the panel', () => {
    const result = inspectForPanel({ url: `${URL_OK}/v2/tx_sign_request`, publicKey: fx.rsa1024PublicKeyPem() }, real);
    expect(result.ok).toBe(false);
    expect(result.errors.publicKey).toMatch(/RSA 1024-bit/);
    expect(result.url?.suggestedUrl).toBe(URL_OK);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('shows a certificate for another host as an error on cert', () => {
    const result = inspectForPanel({ url: URL_OK, cert: certs.otherHost }, real);
    expect(result).toMatchObject({ ok: false, warnings: [], cert: { coversHost: false } });
    expect(result.errors.cert).toMatch(
      /^This certificate does not cover callbacks\.example\.com: .* The Co-Signer would fail to connect\.$/,
    );
  });

  it('never returns a pasted private key', () => {
    const pem = fx.pkcs8PrivateKeyPem();
    const result = inspectForPanel({ publicKey: pem }, real);
    expect(result.errors.publicKey).toBe(PRIVATE_KEY_MESSAGE);
    expect(JSON.stringify(result)).not.toContain(fx.pemBody(pem).slice(64, 128));
  });

  it.each([
    ['both PEMs', { publicKey: 'a', cert: 'b' }, 'cert'],
    ['a wrong type', { url: 7 }, 'url'],
    ['an unknown field', { url: URL_OK, mode: 'cert' }, 'mode'],
    ['an oversize PEM', { cert: 'x'.repeat(70_000) }, 'cert'],
    ['not an object', 'https://x', 'body'],
  ])('refuses a malformed request (%s) with AppError 400', (_name, body, field) => {
    const error = rejection(() => inspectForPanel(body, real));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });
});

describe('mapServerFieldToFormField', () => {
  it.each([
    ['callbackHandler.url', 'url'],
    ['callbackHandler.publicKey', 'pem'],
    ['callbackHandler.cert', 'pem'],
    ['callbackHandler', 'pem'],
    ['body', null],
    ['dryRun', null],
  ])('%s -> %s', (serverKey, formField) => {
    expect(mapServerFieldToFormField(serverKey)).toBe(formField);
  });
});

describe('validateCallbackHandler reports every broken field at once', () => {
  it('a schema error on the URL and a crypto error on the key come back together', () => {
    const error = rejection(() =>
      validateCallbackHandler(
        { callbackHandler: { url: 'http://h.example.com', publicKey: fx.rsa4096PublicKeyPem() } },
        real,
      ),
    );
    expect(error.fields).toEqual({
      'callbackHandler.url': expect.stringMatching(/https/) as unknown,
      'callbackHandler.publicKey': expect.stringMatching(/RSA 4096-bit/) as unknown,
    });
    expect(error.message).toMatch(/https/);
  });

  it('a schema error on the PEM is not doubled by the inspection', () => {
    const error = rejection(() =>
      validateCallbackHandler({ callbackHandler: { url: URL_OK, cert: fx.garbagePem('CERTIFICATE') } }, real),
    );
    expect(error.fields).toEqual({ 'callbackHandler.cert': expect.stringMatching(/base64/) as unknown });
  });
});
