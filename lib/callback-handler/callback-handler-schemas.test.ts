import { describe, expect, it } from 'vitest';

import * as fx from '@/testing/fixtures/pem-fixtures';

import { issuesToFields } from './fields';
import {
  callbackHandlerFormSchema,
  makeCallbackHandlerFormSchema,
  makeConsoleUpdateBodySchema,
  PRIVATE_KEY_MESSAGE,
  toConsoleUpdateBody,
  consoleUpdateBodySchema,
} from './callback-handler-schemas';

const URL_OK = 'https://callbacks.example.com/fireblocks';
const key = (): string => fx.rsa2048PublicKeyPem();
const withKey = (url: string) => ({ callbackHandler: { url, publicKey: key() } });
const withPem = (publicKey: unknown) => ({ callbackHandler: { url: URL_OK, publicKey } });
const withCert = (cert: unknown) => ({ callbackHandler: { url: URL_OK, cert } });

interface BadCase {
  name: string;
  body: () => unknown;
  field: string;
  message: RegExp;
}

// The rules that need no crypto; each bad body is refused on the field a user would fix.
const badBodies: BadCase[] = [
  {
    name: 'http URL',
    body: () => withKey('http://callbacks.example.com/cb'),
    field: 'callbackHandler.url',
    message: /Use https:\/\//,
  },
  {
    name: 'http loopback without the simulator',
    body: () => withKey('http://127.0.0.1:4140/cb'),
    field: 'callbackHandler.url',
    message: /only to a loopback address while the console runs against the simulator/,
  },
  {
    name: 'ftp URL',
    body: () => withKey('ftp://callbacks.example.com/cb'),
    field: 'callbackHandler.url',
    message: /https:\/\//,
  },
  {
    name: 'credentials in URL',
    body: () => withKey('https://admin:s3cret@callbacks.example.com/cb'),
    field: 'callbackHandler.url',
    message: /user name and password/,
  },
  {
    name: 'empty user-info in URL',
    body: () => withKey('https://@callbacks.example.com/cb'),
    field: 'callbackHandler.url',
    message: /user name and password/,
  },
  {
    name: 'fragment',
    body: () => withKey('https://callbacks.example.com/cb#top'),
    field: 'callbackHandler.url',
    message: /#fragment/,
  },
  {
    name: 'bare trailing #',
    body: () => withKey('https://callbacks.example.com/cb#'),
    field: 'callbackHandler.url',
    message: /#fragment/,
  },
  {
    name: 'overlong URL',
    body: () => withKey(`https://callbacks.example.com/${'a'.repeat(2030)}`),
    field: 'callbackHandler.url',
    message: /too long \(2,060 characters; at most 2,048\)/,
  },
  {
    name: 'relative URL',
    body: () => withKey('/fireblocks/callback'),
    field: 'callbackHandler.url',
    message: /full URL starting with https/,
  },
  {
    name: 'URL with a space',
    body: () => withKey('https://callbacks.example.com/a b'),
    field: 'callbackHandler.url',
    message: /spaces/,
  },
  {
    name: 'empty URL',
    body: () => withKey('   '),
    field: 'callbackHandler.url',
    message: /Enter the callback handler's URL/,
  },
  {
    name: 'URL of the wrong type',
    body: () => ({ callbackHandler: { url: 42, publicKey: key() } }),
    field: 'callbackHandler.url',
    message: /must be text/,
  },
  {
    name: 'missing URL',
    body: () => ({ callbackHandler: { publicKey: key() } }),
    field: 'callbackHandler.url',
    message: /must be text/,
  },
  {
    name: 'both key and cert',
    body: () => ({ callbackHandler: { url: URL_OK, publicKey: key(), cert: key() } }),
    field: 'callbackHandler',
    message: /not both/,
  },
  {
    name: 'neither key nor cert',
    body: () => ({ callbackHandler: { url: URL_OK } }),
    field: 'callbackHandler',
    message: /Provide a public key or a certificate/,
  },
  {
    name: 'PKCS#8 private key as publicKey',
    body: () => withPem(fx.pkcs8PrivateKeyPem()),
    field: 'callbackHandler.publicKey',
    message: /private key/,
  },
  {
    name: 'PKCS#1 private key as publicKey',
    body: () => withPem(fx.pkcs1PrivateKeyPem()),
    field: 'callbackHandler.publicKey',
    message: /private key/,
  },
  {
    name: 'encrypted private key as publicKey',
    body: () => withPem(fx.encryptedPrivateKeyPem()),
    field: 'callbackHandler.publicKey',
    message: /private key/,
  },
  {
    name: 'EC private key as cert',
    body: () => withCert(fx.ecPrivateKeyPem()),
    field: 'callbackHandler.cert',
    message: /private key/,
  },
  {
    name: 'two public key blocks',
    body: () => withPem(fx.twoPublicKeysPem()),
    field: 'callbackHandler.publicKey',
    message: /exactly one public key block; this text holds 2/,
  },
  {
    name: 'garbage base64',
    body: () => withPem(fx.garbagePem()),
    field: 'callbackHandler.publicKey',
    message: /not valid base64/,
  },
  {
    name: 'random bytes in a PEM frame',
    body: () => withPem(fx.randomBytesPem()),
    field: 'callbackHandler.publicKey',
    message: /does not decode to a public key/,
  },
  {
    name: 'truncated key',
    body: () => withPem(key().replace(/\n[^\n]*\n-----END/, '\n-----END')),
    field: 'callbackHandler.publicKey',
    message: /does not decode|not valid base64/,
  },
  {
    name: 'PKCS#1 RSA PUBLIC KEY',
    body: () => withPem(fx.rsaPkcs1PublicKeyPem()),
    field: 'callbackHandler.publicKey',
    message: /PKCS#1 .*-pubout/,
  },
  {
    name: 'certificate label in publicKey',
    body: () => withPem(fx.garbagePem('CERTIFICATE')),
    field: 'callbackHandler.publicKey',
    message: /This is a certificate/,
  },
  {
    name: 'public key in cert',
    body: () => withCert(key()),
    field: 'callbackHandler.cert',
    message: /This is a public key/,
  },
  {
    name: 'other label',
    body: () => withPem(fx.garbagePem('X509 CRL')),
    field: 'callbackHandler.publicKey',
    message: /found -----BEGIN X509 CRL-----/,
  },
  {
    name: 'oversize PEM',
    body: () => withPem(fx.oversizePem()),
    field: 'callbackHandler.publicKey',
    message: /too long for a public key .*at most 16,384/,
  },
  {
    name: 'no PEM frame',
    body: () => withPem('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ'),
    field: 'callbackHandler.publicKey',
    message: /Expected a PEM block starting with -----BEGIN PUBLIC KEY-----/,
  },
  {
    name: 'text before the block',
    body: () => withPem(`subject=CN=x\n${key()}`),
    field: 'callbackHandler.publicKey',
    message: /Remove the text before/,
  },
  {
    name: 'text after the block',
    body: () => withPem(`${key()}trailing`),
    field: 'callbackHandler.publicKey',
    message: /matching -----END PUBLIC KEY-----/,
  },
  {
    name: 'END line missing',
    body: () => withPem(key().replace(/-----END PUBLIC KEY-----\s*$/, '')),
    field: 'callbackHandler.publicKey',
    message: /incomplete/,
  },
  {
    name: 'empty publicKey',
    body: () => withPem(''),
    field: 'callbackHandler.publicKey',
    message: /Paste the callback handler's public key/,
  },
  {
    name: 'publicKey of the wrong type',
    body: () => withPem(42),
    field: 'callbackHandler.publicKey',
    message: /must be text \(PEM\)/,
  },
  {
    name: 'cert of the wrong type',
    body: () => withCert(['x']),
    field: 'callbackHandler.cert',
    message: /must be text \(PEM\)/,
  },
  {
    name: 'unknown field in callbackHandler',
    body: () => ({ callbackHandler: { url: URL_OK, publicKey: key(), hybrid: true } }),
    field: 'callbackHandler.hybrid',
    message: /Unknown field/,
  },
  {
    name: 'unknown top-level field',
    body: () => ({ ...withKey(URL_OK), apiKeyId: 'x' }),
    field: 'apiKeyId',
    message: /Unknown field/,
  },
  {
    name: 'missing callbackHandler',
    body: () => ({}),
    field: 'callbackHandler',
    message: /object with url and publicKey or cert/,
  },
  {
    name: 'callbackHandler of the wrong type',
    body: () => ({ callbackHandler: 'https://x' }),
    field: 'callbackHandler',
    message: /object with url/,
  },
  { name: 'body not an object', body: () => ['x'], field: 'body', message: /JSON object with a callbackHandler/ },
  { name: 'null body', body: () => null, field: 'body', message: /JSON object/ },
];

describe('consoleUpdateBodySchema refuses bad bodies', () => {
  it.each(badBodies)('$name', ({ body, field, message }) => {
    const result = consoleUpdateBodySchema.safeParse(body());
    expect(result.success).toBe(false);
    const fields = issuesToFields(result.error?.issues ?? []);
    expect(fields[field], JSON.stringify(fields)).toMatch(message);
  });
});

describe('consoleUpdateBodySchema accepts good bodies', () => {
  it('a URL and an RSA-2048 public key, normalising the PEM and trimming the URL', () => {
    const pem = key().replace(/\n/g, '\r\n');
    const result = consoleUpdateBodySchema.parse({
      callbackHandler: { url: ` ${URL_OK} `, publicKey: `\n${pem}\n` },
    });
    expect(result).toEqual({ callbackHandler: { url: URL_OK, publicKey: key().trim() } });
  });

  it('a URL and a certificate', async () => {
    const cert = await fx.validCertPem();
    expect(consoleUpdateBodySchema.parse(withCert(cert)).callbackHandler.cert).toBe(cert.trim());
  });

  it.each(['http://127.0.0.1:4140/cb', 'http://localhost:4140/cb', 'http://[::1]:4140/cb'])(
    'plain http to loopback %s only with allowLoopbackHttp',
    (url) => {
      expect(makeConsoleUpdateBodySchema({ allowLoopbackHttp: true }).safeParse(withKey(url)).success).toBe(true);
      expect(consoleUpdateBodySchema.safeParse(withKey(url)).success).toBe(false);
    },
  );

  it('an optional reason for the change record, trimmed, at most 500 characters', () => {
    expect(consoleUpdateBodySchema.parse({ ...withKey(URL_OK), reason: '  rotate the key  ' }).reason).toBe(
      'rotate the key',
    );
    expect(consoleUpdateBodySchema.parse({ ...withKey(URL_OK), reason: 'x'.repeat(500) }).reason).toHaveLength(500);
    const long = consoleUpdateBodySchema.safeParse({ ...withKey(URL_OK), reason: 'x'.repeat(501) });
    expect(long.success ? {} : issuesToFields(long.error.issues)).toEqual({
      reason: 'Keep the reason to 500 characters.',
    });
    expect(consoleUpdateBodySchema.safeParse({ ...withKey(URL_OK), reason: 42 }).success).toBe(false);
  });

  it('http to a non-loopback host stays refused even with the flag', () => {
    const schema = makeConsoleUpdateBodySchema({ allowLoopbackHttp: true });
    expect(schema.safeParse(withKey('http://127.example.com/cb')).success).toBe(false);
    expect(schema.safeParse(withKey('http://10.0.0.1/cb')).success).toBe(false);
  });
});

describe('a pasted private key is never echoed', () => {
  const privateKeys = {
    pkcs8: fx.pkcs8PrivateKeyPem,
    pkcs1: fx.pkcs1PrivateKeyPem,
    encrypted: fx.encryptedPrivateKeyPem,
    sec1: fx.ecPrivateKeyPem,
  };
  it.each(Object.entries(privateKeys))('%s: not in the message nor anywhere in the parse result', (_name, make) => {
    const pem = make();
    const body = fx.pemBody(pem);
    for (const parse of [
      () => consoleUpdateBodySchema.safeParse(withPem(pem)),
      () => consoleUpdateBodySchema.safeParse(withCert(pem)),
    ]) {
      const result = parse();
      expect(result.success).toBe(false);
      const everything = JSON.stringify({
        error: result.error,
        issues: result.error?.issues,
        fields: issuesToFields(result.error?.issues ?? []),
      });
      expect(everything).toContain(PRIVATE_KEY_MESSAGE);
      for (let i = 0; i + 32 <= body.length; i += 97) expect(everything).not.toContain(body.slice(i, i + 32));
    }
  });

  it('a private key used as a field name is not repeated either', () => {
    const pem = fx.pkcs8PrivateKeyPem();
    const result = consoleUpdateBodySchema.safeParse({
      callbackHandler: { url: URL_OK, publicKey: key(), [pem]: 1 },
    });
    const fields = issuesToFields(result.error?.issues ?? []);
    expect(fields).toEqual({ callbackHandler: 'Unknown fields are not accepted.' });
    expect(JSON.stringify(result.error?.issues)).not.toContain(fx.pemBody(pem).slice(40, 90));
  });
});

describe('callbackHandlerFormSchema shares the rules', () => {
  it('maps a valid form onto the PATCH body the server parses', () => {
    const form = callbackHandlerFormSchema.parse({ url: URL_OK, mode: 'publicKey', pem: `${key()}\n\n` });
    const body = toConsoleUpdateBody(form);
    expect(body).toEqual({ callbackHandler: { url: URL_OK, publicKey: key().trim() } });
    expect(consoleUpdateBodySchema.parse(body)).toEqual(body);
  });

  it('checks the PEM against the chosen mode and puts the message on pem', () => {
    const result = callbackHandlerFormSchema.safeParse({ url: URL_OK, mode: 'cert', pem: key() });
    expect(issuesToFields(result.error?.issues ?? [])).toEqual({
      pem: expect.stringMatching(/This is a public key/) as unknown,
    });
  });

  it('puts URL and PEM errors on their own fields at once', () => {
    const result = callbackHandlerFormSchema.safeParse({
      url: 'http://x.example.com',
      mode: 'publicKey',
      pem: fx.pkcs1PrivateKeyPem(),
    });
    const fields = issuesToFields(result.error?.issues ?? []);
    expect(fields.url).toMatch(/https/);
    expect(fields.pem).toBe(PRIVATE_KEY_MESSAGE);
  });

  it('normalises the URL once: the form shows, the server parses and stores, and Fireblocks gets the same string', () => {
    const typed = ' HTTPS://Callbacks.Example.COM:443/x/../fireblocks ';
    const form = callbackHandlerFormSchema.parse({ url: typed, mode: 'publicKey', pem: key() });
    expect(form.url).toBe(URL_OK);
    const body = toConsoleUpdateBody(form);
    expect(consoleUpdateBodySchema.parse(body).callbackHandler.url).toBe(URL_OK);
    // The server normalises what a script sends as typed, too.
    expect(consoleUpdateBodySchema.parse(withKey(typed)).callbackHandler.url).toBe(URL_OK);
  });

  it('refuses what cannot be shown, on the url field, in the form and on the server alike', () => {
    for (const url of [
      'https://callbacks.exam\u00ADple.com/cb',
      'https://ｃallbacks.example.com/cb',
      'https:callbacks.example.com/cb',
    ]) {
      const form = callbackHandlerFormSchema.safeParse({ url, mode: 'publicKey', pem: key() });
      const server = consoleUpdateBodySchema.safeParse(withKey(url));
      expect(issuesToFields(form.error?.issues ?? []).url).toBeTruthy();
      expect(issuesToFields(server.error?.issues ?? [])['callbackHandler.url']).toBe(
        issuesToFields(form.error?.issues ?? []).url,
      );
    }
  });

  it('honours the loopback flag like the body schema', () => {
    const form = { url: 'http://127.0.0.1:4140', mode: 'publicKey', pem: key() };
    expect(callbackHandlerFormSchema.safeParse(form).success).toBe(false);
    expect(makeCallbackHandlerFormSchema({ allowLoopbackHttp: true }).safeParse(form).success).toBe(true);
  });
});
