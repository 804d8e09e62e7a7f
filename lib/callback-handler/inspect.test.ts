import { beforeAll, describe, expect, it } from 'vitest';

import * as fx from '@/testing/fixtures/pem-fixtures';

import { certPublicKeyHash, spkiFingerprint } from './fingerprint';
import { inspectCallbackHandler } from './inspect';

import type { CallbackHandlerInput } from './inspect';

const URL_OK = `https://${fx.FIXTURE_HOST}/fireblocks`;
const ctx = { allowLoopbackHttp: false };
const inspect = (input: CallbackHandlerInput, allowLoopbackHttp = false) =>
  inspectCallbackHandler(input, { allowLoopbackHttp });

const certs: Record<string, string> = {};
beforeAll(async () => {
  Object.assign(certs, {
    valid: await fx.validCertPem(),
    expired: await fx.expiredCertPem(),
    notYetValid: await fx.notYetValidCertPem(),
    expiringSoon: await fx.expiringSoonCertPem(),
    otherHost: await fx.otherHostCertPem(),
    wildcard: await fx.wildcardCertPem(),
    ec: await fx.ecCertPem(),
    two: await fx.twoCertificatesPem(),
    ip: (await fx.makeCertificate({ hosts: ['cosigner-callbacks.internal'], ips: ['10.0.0.5', '::1'] })).certPem,
  });
});

describe('public keys', () => {
  it('an RSA-2048 key passes with algorithm, size and SPKI fingerprint', () => {
    const pem = fx.rsa2048PublicKeyPem();
    const result = inspect({ url: URL_OK, publicKey: pem });
    expect(result).toMatchObject({ ok: true, errors: {}, warnings: [] });
    expect(result.publicKey).toEqual({ algorithm: 'RSA', sizeBits: 2048, fingerprintSha256: spkiFingerprint(pem) });
    expect(result.publicKey?.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      'RSA-1024',
      fx.rsa1024PublicKeyPem,
      'This is an RSA 1024-bit key; Fireblocks accepts RSA 2048-bit keys for callback authentication.',
      1024,
    ],
    [
      'RSA-4096',
      fx.rsa4096PublicKeyPem,
      'This is an RSA 4096-bit key; Fireblocks accepts RSA 2048-bit keys for callback authentication.',
      4096,
    ],
    [
      'EC P-256',
      fx.ecP256PublicKeyPem,
      'This is an EC P-256 key; Fireblocks accepts RSA 2048-bit keys for callback authentication.',
      256,
    ],
  ])('%s is refused, saying what it is', (_name, make, message, bits) => {
    const result = inspect({ publicKey: make() });
    expect(result.ok).toBe(false);
    expect(result.errors.publicKey).toBe(message);
    expect(result.publicKey?.sizeBits).toBe(bits);
  });

  it('a well-formed DER that is not a key is refused without Node internals in the message', () => {
    // A certificate's DER relabelled as a public key: passes the PEM rules, fails createPublicKey.
    const pem = certs.valid?.replace(/CERTIFICATE/g, 'PUBLIC KEY') ?? '';
    expect(inspect({ publicKey: pem }).errors.publicKey).toBe(
      'This PUBLIC KEY block could not be read as a key; the text may be damaged.',
    );
  });
});

describe('certificates', () => {
  it('a valid certificate for the host passes with every detail', () => {
    const cert = certs.valid ?? '';
    const result = inspect({ url: URL_OK, cert });
    expect(result).toMatchObject({ ok: true, errors: {}, warnings: [] });
    expect(result.cert).toMatchObject({
      subject: `CN=${fx.FIXTURE_HOST}, O=Cosigner Console Fixtures`,
      sans: [`DNS:${fx.FIXTURE_HOST}`],
      keyType: 'RSA',
      keySizeBits: 2048,
      coversHost: true,
      selfSigned: true,
      publicKeySha256: certPublicKeyHash(cert),
    });
    expect(result.cert?.serial).toMatch(/^[0-9A-F]+$/);
    expect(Date.parse(result.cert?.validTo ?? '')).toBeGreaterThan(Date.now());
    expect(result.cert?.validFrom).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  type CertCase = [string, string, { error?: RegExp; warning?: RegExp; coversHost?: boolean | null }];
  const cases: CertCase[] = [
    ['expired', URL_OK, { error: /^The certificate expired on \d{1,2} [A-Z][a-z]+ \d{4};/ }],
    ['notYetValid', URL_OK, { error: /^The certificate is not valid until \d{1,2} [A-Z][a-z]+ \d{4};/ }],
    ['expiringSoon', URL_OK, { warning: /expires in (9|10) days/ }],
    [
      'otherHost',
      URL_OK,
      {
        error:
          /^This certificate does not cover callbacks\.example\.com: its names are elsewhere\.example\.net\. The Co-Signer would fail to connect\.$/,
        coversHost: false,
      },
    ],
    ['wildcard', URL_OK, { coversHost: true }],
    [
      'wildcard',
      'https://a.b.example.com/cb',
      { error: /does not cover a\.b\.example\.com: its names are \*\.example\.com\./, coversHost: false },
    ],
    ['wildcard', 'https://example.com/cb', { error: /does not cover example\.com/, coversHost: false }],
    ['ip', 'https://10.0.0.5:8443/cb', { coversHost: true }],
    ['ip', 'https://[::1]/cb', { coversHost: true }],
    [
      'ip',
      'https://10.0.0.6/cb',
      {
        error: /does not cover 10\.0\.0\.6: its names are cosigner-callbacks\.internal, 10\.0\.0\.5, /,
        coversHost: false,
      },
    ],
    ['ip', 'https://cosigner-callbacks.internal/cb', { coversHost: true }],
    ['valid', 'https://CALLBACKS.example.com:8443/cb', { coversHost: true }],
    ['ec', URL_OK, { coversHost: true }],
  ];
  it.each(cases)('%s certificate at %s', (name, url, expected) => {
    const result = inspect({ url, cert: certs[name] ?? '' });
    if (expected.error) expect(result.errors.cert).toMatch(expected.error);
    else expect(result.errors).toEqual({});
    if (expected.warning) expect(result.warnings.join('\n')).toMatch(expected.warning);
    if (expected.coversHost !== undefined) expect(result.cert?.coversHost).toBe(expected.coversHost);
  });

  it('a certificate for another host is an error, and ok is false', () => {
    const result = inspect({ url: URL_OK, cert: certs.otherHost ?? '' });
    expect(result.ok).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('over plain http to the loopback simulator a host mismatch is only a warning (no TLS is involved)', () => {
    const result = inspect({ url: 'http://127.0.0.1:4140/cb', cert: certs.otherHost ?? '' }, true);
    expect(result).toMatchObject({ ok: true, errors: {}, cert: { coversHost: false } });
    expect(result.warnings.join('\n')).toMatch(
      /does not cover 127\.0\.0\.1: its names are elsewhere\.example\.net\. Over plain http/,
    );
  });

  it('an expired certificate for another host: the expiry is the error, the host a warning', () => {
    const other = inspect({ url: 'https://elsewhere.example.org/cb', cert: certs.expired ?? '' });
    expect(other.errors.cert).toMatch(/^The certificate expired/);
    expect(other.warnings.join('\n')).toMatch(/does not cover elsewhere\.example\.org/);
  });

  it('a URL that breaks a rule is not compared with the certificate', () => {
    const result = inspect({ url: 'http://elsewhere.example.org/cb', cert: certs.valid ?? '' });
    expect(result.errors.url).toMatch(/https/);
    expect(result.errors.cert).toBeUndefined();
    expect(result.cert?.coversHost).toBeNull();
  });

  it('an EC certificate reports its key', () => {
    expect(inspect({ cert: certs.ec ?? '' }).cert).toMatchObject({
      keyType: 'EC P-256',
      keySizeBits: 256,
      coversHost: null,
    });
  });

  it('two certificates are refused (Node would silently read only the first)', () => {
    expect(inspect({ cert: certs.two ?? '' }).errors.cert).toMatch(/exactly one certificate block; this text holds 2/);
  });

  it('validity is judged against ctx.now', () => {
    const cert = certs.valid ?? '';
    const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000);
    expect(inspectCallbackHandler({ cert }, { ...ctx, now: inTwoYears }).errors.cert).toMatch(/expired/);
  });

  it('garbage in a CERTIFICATE frame is refused', () => {
    expect(inspect({ cert: fx.garbagePem('CERTIFICATE') }).errors.cert).toMatch(/not valid base64/);
    expect(inspect({ cert: fx.randomBytesPem('CERTIFICATE') }).errors.cert).toMatch(/does not decode to a certificate/);
  });
});

describe('URLs', () => {
  it.each([
    ['https://h.example.com/fireblocks/v2/tx_sign_request', '/v2/tx_sign_request', 'https://h.example.com/fireblocks'],
    ['https://h.example.com/fireblocks/tx_sign_request/', '/tx_sign_request', 'https://h.example.com/fireblocks'],
    ['https://h.example.com/v2/config_change_sign_request', '/v2/config_change_sign_request', 'https://h.example.com/'],
    ['https://h.example.com/cb/config_change_sign_request', '/config_change_sign_request', 'https://h.example.com/cb'],
  ])('%s ends in a route the Co-Signer appends: refused, with the URL meant', (url, route, suggestedUrl) => {
    const result = inspect({ url });
    expect(result.ok).toBe(false);
    expect(result.url).toMatchObject({ endsWithRoute: true, route, suggestedUrl });
    expect(result.errors.url).toContain(`already ends in ${route}`);
    expect(result.warnings).toEqual([]);
  });

  it('a plain URL has parts and no warning', () => {
    expect(inspect({ url: 'https://h.example.com:8443/fireblocks' })).toMatchObject({
      ok: true,
      warnings: [],
      url: {
        protocol: 'https',
        host: 'h.example.com:8443',
        hostname: 'h.example.com',
        path: '/fireblocks',
        endsWithRoute: false,
      },
    });
  });

  it('http loopback is refused without the flag and warned about with it', () => {
    expect(inspect({ url: 'http://127.0.0.1:4140/cb' }).errors.url).toMatch(/simulator/);
    const allowed = inspect({ url: 'http://127.0.0.1:4140/cb' }, true);
    expect(allowed.ok).toBe(true);
    expect(allowed.warnings).toEqual([expect.stringMatching(/simulator only/) as unknown]);
  });

  it('a query string is warned about', () => {
    expect(inspect({ url: 'https://h.example.com/cb?tenant=1' }).warnings.join()).toMatch(/query string/);
  });

  it('a URL with a password never comes back with it', () => {
    const result = inspect({ url: 'https://ops:hunter22@h.example.com/cb/v2/tx_sign_request' });
    expect(result.errors.url).toMatch(/user name and password/);
    expect(JSON.stringify(result)).not.toContain('hunter22');
  });

  it('partial input: nothing given, nothing wrong', () => {
    expect(inspect({})).toEqual({ ok: true, errors: {}, warnings: [], url: null });
  });
});
