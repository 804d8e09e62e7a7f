import { describe, expect, it } from 'vitest';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import { FireblocksError } from '@/lib/fireblocks/fireblocks-error';
import {
  ecP256PublicKeyPem,
  garbagePem,
  rsa2048PublicKeyPem,
  rsa4096PublicKeyPem,
} from '@/testing/fixtures/pem-fixtures';

import { namedApiKey, publicKeyFingerprint, summarizeApiKeysPage } from './api-key-summary';
import { apiUserNamesFrom, apiUserNamesUnavailable } from './api-user-names';
import { getApiKeyResponseSchema, listApiKeysResponseSchema } from './console-api-schemas';

describe('publicKeyFingerprint', () => {
  it('equals spkiFingerprint (createPublicKey + DER export) for RSA and EC keys', () => {
    for (const pem of [rsa2048PublicKeyPem(), rsa4096PublicKeyPem(), ecP256PublicKeyPem()]) {
      expect(publicKeyFingerprint(pem)).toBe(spkiFingerprint(pem));
      expect(publicKeyFingerprint(`\r\n ${pem.replace(/\n/g, '\r\n')} `)).toBe(spkiFingerprint(pem));
    }
  });

  it('is null for text that is not a public key PEM', () => {
    expect(publicKeyFingerprint('hello')).toBeNull();
    expect(publicKeyFingerprint(garbagePem())).toBeNull();
    expect(publicKeyFingerprint(`-----BEGIN PUBLIC KEY-----\n${btoa('not der')}\n-----END PUBLIC KEY-----`)).toBeNull();
  });
});

const names = apiUserNamesFrom({
  users: [
    { id: 'k1', name: 'Treasury payout bot', role: 'SIGNER', enabled: true, status: 'READY', userType: 'API' },
    { id: 'k2', name: 'Sweeper', role: 'A_ROLE_ADDED_LATER' },
    { id: 'k3', name: '   ' },
    { name: 'No id' },
  ],
});

describe('summarizeApiKeysPage', () => {
  it('replaces each PEM by its fingerprint, names each key by its API user, and keeps everything else', () => {
    const pem = rsa2048PublicKeyPem();
    const page = summarizeApiKeysPage(
      {
        data: [
          {
            id: 'k1',
            lastSeen: '2021-07-01 00:00:00+00:00',
            callbackHandler: { url: 'https://a.example', publicKey: pem },
          },
          { id: 'k2', callbackHandler: { url: 'https://b.example', certPublicKeyHash: 'ab'.repeat(32) } },
          { id: 'k3', callbackHandler: { url: 'https://c.example', publicKey: 'garbage' } },
          { id: 'k4' },
        ],
        next: 'c2',
      },
      names,
    );
    // What the route sends: the schema keeps exactly these fields, and no PEM is among them.
    const sent = listApiKeysResponseSchema.parse(page);
    expect(sent).toEqual({
      data: [
        {
          id: 'k1',
          lastSeen: '2021-07-01 00:00:00+00:00',
          callbackHandler: { url: 'https://a.example', publicKeyFingerprint: spkiFingerprint(pem) },
          apiUser: { name: 'Treasury payout bot', role: 'SIGNER', status: 'READY', enabled: true },
        },
        {
          id: 'k2',
          callbackHandler: { url: 'https://b.example', certPublicKeyHash: 'ab'.repeat(32) },
          apiUser: { name: 'Sweeper', role: 'A_ROLE_ADDED_LATER', status: null, enabled: null },
        },
        // A blank name names nothing.
        { id: 'k3', callbackHandler: { url: 'https://c.example', publicKeyFingerprint: null }, apiUser: null },
        { id: 'k4', apiUser: null },
      ],
      next: 'c2',
      apiUsers: { available: true },
    });
    expect(JSON.stringify(sent)).not.toContain('BEGIN');
  });

  it('without names, every key says null and the page says once why', () => {
    const refused = new FireblocksError({ kind: 'http', status: 403, message: 'Forbidden' });
    const page = listApiKeysResponseSchema.parse(
      summarizeApiKeysPage({ data: [{ id: 'k1' }, { id: 'k2' }], next: null }, apiUserNamesUnavailable(refused)),
    );
    expect(page.data.map((k) => k.apiUser)).toEqual([null, null]);
    expect(page.apiUsers).toEqual({
      available: false,
      reason: 'forbidden',
      message: expect.stringMatching(/HTTP 403.*Admin or Non-Signing Admin/) as unknown,
    });
  });
});

describe('namedApiKey', () => {
  it('keeps the PEM of the single key and adds its API user', () => {
    const pem = rsa2048PublicKeyPem();
    const answer = getApiKeyResponseSchema.parse(
      namedApiKey({ id: 'k1', callbackHandler: { url: 'https://a.example', publicKey: pem } }, names),
    );
    expect(answer).toEqual({
      data: {
        id: 'k1',
        callbackHandler: { url: 'https://a.example', publicKey: pem },
        apiUser: { name: 'Treasury payout bot', role: 'SIGNER', status: 'READY', enabled: true },
      },
      apiUsers: { available: true },
    });
  });
});
