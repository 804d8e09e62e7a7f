import { describe, expect, it } from 'vitest';

import { fingerprintForCopy, fingerprintPairs, formatFingerprint, shortFingerprint } from './format';

const SHA256 = '0123456789abcdef'.repeat(4);

describe('fingerprint formatting', () => {
  it('shows hex as uppercase colon pairs', () => {
    expect(formatFingerprint('ab01ff')).toBe('AB:01:FF');
    expect(formatFingerprint(SHA256)).toBe(`${'01:23:45:67:89:AB:CD:EF:'.repeat(4).slice(0, -1)}`);
    expect(formatFingerprint(SHA256.toUpperCase())).toBe(formatFingerprint(SHA256));
  });

  it('leaves a value that is not whole bytes of hex as it is', () => {
    expect(fingerprintPairs('abc')).toBeNull();
    expect(formatFingerprint('abc')).toBe('abc');
    expect(formatFingerprint('not-a-hash')).toBe('not-a-hash');
    expect(formatFingerprint('')).toBe('');
    expect(shortFingerprint('zz'.repeat(32))).toBe('zz'.repeat(32));
  });

  it('shortens to the first and last four pairs, the middle elided, never cutting a pair', () => {
    expect(shortFingerprint(SHA256)).toBe('01:23:45:67…89:AB:CD:EF');
    const short = shortFingerprint(SHA256);
    for (const part of short.split(/[:…]/)) expect(part).toMatch(/^[0-9A-F]{2}$/);
  });

  it('keeps short values whole', () => {
    expect(shortFingerprint('aabbccddeeff112233')).toBe('AA:BB:CC:DD:EE:FF:11:22:33');
  });

  it('copies the full value as plain lowercase hex', () => {
    expect(fingerprintForCopy(SHA256.toUpperCase())).toBe(SHA256);
    expect(fingerprintForCopy('not-a-hash')).toBe('not-a-hash');
  });
});
