import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ensureDevKeys } from './dev-keys';

const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dev-keys-')), '.dev');
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('ensureDevKeys', () => {
  it('generates an RSA-4096 API user with a UUID key, private key readable by the owner only', () => {
    const keys = ensureDevKeys({ dir });
    expect(keys.apiKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const key = createPrivateKey(readFileSync(keys.privateKeyPath, 'utf8'));
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(statSync(keys.privateKeyPath).mode & 0o777).toBe(0o600);
    expect(keys.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(readFileSync(keys.publicKeyPath, 'utf8')).toBe(keys.publicKeyPem);
  });

  it('reuses the same user on later runs', () => {
    const first = ensureDevKeys({ dir });
    const second = ensureDevKeys({ dir });
    expect(second).toEqual(first);
  });
});
