import {
  ecKeyPair,
  ecP256PublicKeyPem,
  encryptedPrivateKeyPem,
  expiredCertPem,
  FIXTURE_HOST,
  garbagePem,
  notYetValidCertPem,
  otherHostCertPem,
  oversizePem,
  pkcs1PrivateKeyPem,
  pkcs8PrivateKeyPem,
  randomBytesPem,
  rsa1024PublicKeyPem,
  rsa2048PublicKeyPem,
  rsa4096PublicKeyPem,
  twoCertificatesPem,
  twoPublicKeysPem,
  validCertPem,
} from '@/testing/fixtures/pem-fixtures';

/** A callback URL that passes every rule, so each case breaks exactly one thing. */
export const GOOD_URL = `https://${FIXTURE_HOST}/fireblocks/callback`;

/** Generated once per run (RSA-4096 takes a while), before the table runs. */
export async function loadPems() {
  return {
    rsa2048: rsa2048PublicKeyPem(),
    rsa1024: rsa1024PublicKeyPem(),
    rsa4096: rsa4096PublicKeyPem(),
    ec: ecP256PublicKeyPem(),
    privatePkcs8: pkcs8PrivateKeyPem(),
    privatePkcs1: pkcs1PrivateKeyPem(),
    privateEncrypted: encryptedPrivateKeyPem(),
    privateEc: ecKeyPair().privateKeyPem,
    twoKeys: twoPublicKeysPem(),
    garbage: garbagePem(),
    randomBytes: randomBytesPem(),
    oversize: oversizePem('PUBLIC KEY', 20_000),
    cert: await validCertPem(),
    expiredCert: await expiredCertPem(),
    notYetValidCert: await notYetValidCertPem(),
    twoCerts: await twoCertificatesPem(),
    otherHostCert: await otherHostCertPem(),
  };
}
export type Pems = Awaited<ReturnType<typeof loadPems>>;

export interface Target {
  cosignerId: string;
  apiKeyId: string;
  /** Unique per run: put in list queries so any upstream call they caused is recognisable in the sim log. */
  marker: string;
}

export interface BadCase {
  name: string;
  method: 'GET' | 'PATCH';
  path: (t: Target) => string;
  /** Raw body text (PATCH); default: a valid body. */
  body?: (p: Pems) => string;
  /** The `error.fields` key that must carry a message. */
  field: string;
  /** Text that must appear neither in the response nor in the server log (a pasted private key). */
  secret?: (p: Pems) => string;
  /** Extra strings that would show in an upstream path if the request had gone through. */
  needles?: string[];
}

const keyPath = (t: Target) => `/api/cosigners/${t.cosignerId}/api-keys/${t.apiKeyId}`;
const handler = (h: Record<string, unknown>) => JSON.stringify({ callbackHandler: h });
const withKey = (p: Pems, h: Record<string, unknown> = {}) => handler({ url: GOOD_URL, publicKey: p.rsa2048, ...h });
const withCert = (p: Pems, h: Record<string, unknown> = {}) => handler({ url: GOOD_URL, cert: p.cert, ...h });

const patch = (name: string, field: string, body: (p: Pems) => string, secret?: (p: Pems) => string): BadCase => ({
  name,
  method: 'PATCH',
  path: keyPath,
  body,
  field,
  secret,
});
const url = 'callbackHandler.url';
const pk = 'callbackHandler.publicKey';
const cert = 'callbackHandler.cert';

/** Every case must answer 400 with a message under `field`, and nothing may reach the simulator. */
export const BAD_CASES: BadCase[] = [
  patch('http URL to a public host', url, (p) => withKey(p, { url: `http://${FIXTURE_HOST}/cb` })),
  patch('credentials in the URL', url, (p) => withKey(p, { url: `https://user:secret@${FIXTURE_HOST}/cb` })),
  patch('empty user-info in the URL', url, (p) => withKey(p, { url: `https://@${FIXTURE_HOST}/cb` })),
  patch('fragment in the URL', url, (p) => withKey(p, { url: `${GOOD_URL}#frag` })),
  patch('overlong URL (2,049 characters)', url, (p) =>
    withKey(p, { url: `https://${FIXTURE_HOST}/${'a'.repeat(2049 - 9 - FIXTURE_HOST.length)}` }),
  ),
  patch('not a URL', url, (p) => withKey(p, { url: 'callbacks' })),
  patch('ftp URL', url, (p) => withKey(p, { url: `ftp://${FIXTURE_HOST}/cb` })),
  patch('empty URL', url, (p) => withKey(p, { url: '' })),
  patch('link-local URL (169.254.169.254, the cloud metadata address)', url, (p) =>
    withKey(p, { url: 'https://169.254.169.254/cb' }),
  ),
  patch('link-local URL in decimal (2852039166)', url, (p) => withKey(p, { url: 'https://2852039166/cb' })),
  patch('link-local URL in hex (0xa9fe0101)', url, (p) => withKey(p, { url: 'https://0xa9fe0101/cb' })),
  patch('link-local URL in octal, short form (0251.0376.01)', url, (p) =>
    withKey(p, { url: 'https://0251.0376.01/cb' }),
  ),
  patch('IPv6 link-local URL ([fe80::1])', url, (p) => withKey(p, { url: 'https://[fe80::1]:8443/cb' })),
  patch('IPv4-mapped link-local URL ([::ffff:169.254.1.1])', url, (p) =>
    withKey(p, { url: 'https://[::ffff:169.254.1.1]/cb' }),
  ),
  patch('unspecified address URL (0.0.0.0)', url, (p) => withKey(p, { url: 'https://0.0.0.0/cb' })),
  patch('unspecified IPv6 address URL ([::])', url, (p) => withKey(p, { url: 'https://[::]/cb' })),
  patch('port 0 in the URL', url, (p) => withKey(p, { url: `https://${FIXTURE_HOST}:0/cb` })),
  patch('soft hyphen (U+00AD) in the URL host', url, (p) => withKey(p, { url: `https://\u00AD${FIXTURE_HOST}/cb` })),
  patch('zero-width space in the URL path', url, (p) => withKey(p, { url: `https://${FIXTURE_HOST}/c\u200Bb` })),
  patch('right-to-left override in the URL', url, (p) => withKey(p, { url: `https://${FIXTURE_HOST}/\u202Ebc` })),
  patch('full-width letter in the URL', url, (p) => withKey(p, { url: `https://\uFF43${FIXTURE_HOST}/cb` })),
  patch('backslash in the URL', url, (p) => withKey(p, { url: `https://${FIXTURE_HOST}\\evil.example/cb` })),
  patch('https: without // in the URL', url, (p) => withKey(p, { url: `https:${FIXTURE_HOST}/cb` })),
  // The audit trail refuses PEM text: a reason holding a key was a 500 from deep in the append, now a 400 up front.
  patch('a public key pasted into the reason', 'reason', (p) =>
    JSON.stringify({ callbackHandler: { url: GOOD_URL, publicKey: p.rsa2048 }, reason: p.rsa2048 }),
  ),
  patch('a right-to-left override in the reason', 'reason', (p) =>
    JSON.stringify({ callbackHandler: { url: GOOD_URL, publicKey: p.rsa2048 }, reason: 'new host \u202Emoc.live' }),
  ),
  patch('both publicKey and cert', 'callbackHandler', (p) => withKey(p, { cert: p.cert })),
  patch('neither publicKey nor cert', 'callbackHandler', () => handler({ url: GOOD_URL })),
  patch(
    'pasted PKCS#8 private key as publicKey',
    pk,
    (p) => withKey(p, { publicKey: p.privatePkcs8 }),
    (p) => p.privatePkcs8,
  ),
  patch(
    'pasted PKCS#1 private key as cert',
    cert,
    (p) => withCert(p, { cert: p.privatePkcs1 }),
    (p) => p.privatePkcs1,
  ),
  patch(
    'pasted encrypted private key',
    pk,
    (p) => withKey(p, { publicKey: p.privateEncrypted }),
    (p) => p.privateEncrypted,
  ),
  patch(
    'pasted EC private key',
    pk,
    (p) => withKey(p, { publicKey: p.privateEc }),
    (p) => p.privateEc,
  ),
  patch('two PEM public keys', pk, (p) => withKey(p, { publicKey: p.twoKeys })),
  patch('two certificates', cert, (p) => withCert(p, { cert: p.twoCerts })),
  patch('RSA-1024 public key', pk, (p) => withKey(p, { publicKey: p.rsa1024 })),
  patch('RSA-4096 public key', pk, (p) => withKey(p, { publicKey: p.rsa4096 })),
  patch('EC P-256 public key', pk, (p) => withKey(p, { publicKey: p.ec })),
  patch('garbage base64 in a PUBLIC KEY block', pk, (p) => withKey(p, { publicKey: p.garbage })),
  patch('random bytes in a PUBLIC KEY block', pk, (p) => withKey(p, { publicKey: p.randomBytes })),
  patch('certificate given as publicKey', pk, (p) => withKey(p, { publicKey: p.cert })),
  patch('public key given as cert', cert, (p) => withCert(p, { cert: p.rsa2048 })),
  patch('oversize PEM (20,000 characters)', pk, (p) => withKey(p, { publicKey: p.oversize })),
  patch('expired certificate', cert, (p) => withCert(p, { cert: p.expiredCert })),
  patch('not-yet-valid certificate', cert, (p) => withCert(p, { cert: p.notYetValidCert })),
  patch('certificate that does not cover the URL host', cert, (p) => withCert(p, { cert: p.otherHostCert })),
  patch('URL of the wrong type (number)', url, (p) => withKey(p, { url: 443 })),
  patch('publicKey of the wrong type (object)', pk, (p) => withKey(p, { publicKey: { pem: p.rsa2048 } })),
  patch('callbackHandler of the wrong type (string)', 'callbackHandler', () =>
    JSON.stringify({ callbackHandler: GOOD_URL }),
  ),
  patch('body is an array', 'body', (p) => `[${withKey(p)}]`),
  patch('body is null', 'body', () => 'null'),
  patch('empty object', 'callbackHandler', () => '{}'),
  patch('unknown top-level field', 'extra', (p) =>
    JSON.stringify({ ...(JSON.parse(withKey(p)) as object), extra: true }),
  ),
  patch('unknown field in callbackHandler', 'callbackHandler.hybrid', (p) => withKey(p, { hybrid: true })),
  patch('invalid JSON', 'body', (p) => withKey(p).slice(0, -2)),
  {
    name: 'bad cosigner id (PATCH)',
    method: 'PATCH',
    path: (t) => `/api/cosigners/not-a-uuid/api-keys/${t.apiKeyId}`,
    field: 'cosignerId',
    needles: ['not-a-uuid'],
  },
  {
    name: 'bad api key id (PATCH)',
    method: 'PATCH',
    path: (t) => `/api/cosigners/${t.cosignerId}/api-keys/key%24%7Bx%7D`,
    field: 'apiKeyId',
    needles: ['key$'],
  },
  {
    name: 'bad cosigner id (GET)',
    method: 'GET',
    path: () => '/api/cosigners/1234',
    field: 'cosignerId',
    needles: ['/1234'],
  },
  {
    name: 'bad cosigner id (GET api keys)',
    method: 'GET',
    path: () => '/api/cosigners/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz/api-keys',
    field: 'cosignerId',
    needles: ['zzzzzzzz'],
  },
  {
    name: 'overlong api key id (GET)',
    method: 'GET',
    path: (t) => `/api/cosigners/${t.cosignerId}/api-keys/${'k'.repeat(129)}`,
    field: 'apiKeyId',
    needles: ['k'.repeat(129)],
  },
  {
    name: 'bad request id',
    method: 'GET',
    path: (t) => `${keyPath(t)}/requests/${encodeURIComponent('r e q')}`,
    field: 'requestId',
  },
  {
    name: 'pageSize=0',
    method: 'GET',
    path: (t) => `/api/cosigners?pageSize=0&pageCursor=${t.marker}`,
    field: 'pageSize',
  },
  {
    name: 'pageSize=101',
    method: 'GET',
    path: (t) => `/api/cosigners?pageSize=101&pageCursor=${t.marker}`,
    field: 'pageSize',
  },
  {
    name: "pageSize='x'",
    method: 'GET',
    path: (t) => `/api/cosigners?pageSize=x&pageCursor=${t.marker}`,
    field: 'pageSize',
  },
  {
    name: 'pageSize=2.5',
    method: 'GET',
    path: (t) => `/api/cosigners?pageSize=2.5&pageCursor=${t.marker}`,
    field: 'pageSize',
  },
  {
    name: 'pageSize=101 on api keys',
    method: 'GET',
    path: (t) => `/api/cosigners/${t.cosignerId}/api-keys?pageSize=101&pageCursor=${t.marker}`,
    field: 'pageSize',
  },
  { name: 'order=UP', method: 'GET', path: (t) => `/api/cosigners?order=UP&pageCursor=${t.marker}`, field: 'order' },
  {
    name: 'order=asc (lower case) on api keys',
    method: 'GET',
    path: (t) => `/api/cosigners/${t.cosignerId}/api-keys?order=asc&pageCursor=${t.marker}`,
    field: 'order',
  },
  { name: 'empty pageCursor', method: 'GET', path: () => '/api/cosigners?pageCursor=', field: 'pageCursor' },
];
