import { describe, expect, it } from 'vitest';

import * as fx from '@/testing/fixtures/pem-fixtures';

import { issuesToFields, MAX_UNKNOWN_FIELDS_LISTED } from './fields';
import { consoleUpdateBodySchema } from './callback-handler-schemas';

const URL_OK = 'https://callbacks.example.com/fireblocks';
const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));
const parse = (body: unknown) => consoleUpdateBodySchema.safeParse(body).error?.issues ?? [];

describe('unknown fields are named up to a cap, then counted', () => {
  it(`a body of 4,000 unknown keys: ${MAX_UNKNOWN_FIELDS_LISTED} named, the rest counted, a small answer`, () => {
    const body = { callbackHandler: { url: URL_OK, publicKey: fx.rsa2048PublicKeyPem() }, ...manyKeys(4000) };
    expect(JSON.stringify(body).length).toBeGreaterThan(35_000);
    const fields = issuesToFields(parse(body));
    const named = Object.keys(fields).filter((k) => k !== 'body');
    expect(named).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(fields.body).toBe('Unknown fields: 3,990 more besides those listed; remove them.');
    expect(JSON.stringify(fields).length).toBeLessThan(1000);
  });

  it('the same inside callbackHandler, and the issue message names 10 and counts the rest', () => {
    const issues = parse({ callbackHandler: { url: URL_OK, publicKey: fx.rsa2048PublicKeyPem(), ...manyKeys(25) } });
    const fields = issuesToFields(issues);
    expect(Object.keys(fields).filter((k) => k.startsWith('callbackHandler.k'))).toHaveLength(10);
    expect(fields.callbackHandler).toBe('Unknown fields: 15 more besides those listed; remove them.');
    const message = issues.find((i) => i.code === 'unrecognized_keys')?.message;
    expect(message).toBe('Unknown fields: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 and 15 more.');
  });

  it('exactly 10 unknown keys: all named, no count', () => {
    const issues = parse({ callbackHandler: { url: URL_OK, publicKey: fx.rsa2048PublicKeyPem() }, ...manyKeys(10) });
    const fields = issuesToFields(issues);
    expect(Object.keys(fields)).toHaveLength(10);
    expect(fields.body).toBeUndefined();
    expect(issues[0]?.message).toBe('Unknown fields: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9.');
  });
});
