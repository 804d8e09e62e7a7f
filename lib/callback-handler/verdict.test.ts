import { describe, expect, it } from 'vitest';

import { formatDay, handlerVerdict, reasonOf } from './verdict';

describe('handlerVerdict', () => {
  it('is unusable with the first problem as its reason, the form’s message over the server’s', () => {
    const v = handlerVerdict({
      inspectionErrors: {
        url: 'server url',
        cert: 'The certificate expired on 1 January 2025; the Co-Signer would refuse.',
      },
      formErrors: { url: undefined, cert: undefined },
    });
    expect(v.kind).toBe('unusable');
    expect(v.headline).toBe('Cannot be used: server url');
    expect(v.problems.map((p) => p.field)).toEqual(['url', 'cert']);
    expect(handlerVerdict({ inspectionErrors: { url: 'server' }, formErrors: { url: 'Enter a URL.' } }).headline).toBe(
      'Cannot be used: enter a URL',
    );
  });

  it('is incomplete, then with warnings, then fine', () => {
    expect(handlerVerdict({ missing: 'No URL entered yet.' }).headline).toBe('Not complete yet');
    expect(handlerVerdict({ warnings: ['w'] }).kind).toBe('warnings');
    expect(handlerVerdict({}).headline).toBe('Looks right');
  });
});

describe('reasonOf', () => {
  it.each([
    [
      'The certificate expired on 1 January 2025; the Co-Signer would refuse the handler.',
      'the certificate expired on 1 January 2025',
    ],
    ['This is an RSA 1024-bit key; Fireblocks accepts RSA 2048-bit keys.', 'this is an RSA 1024-bit key'],
    [
      'This certificate does not cover a.example.com: its names are b.example.net. The Co-Signer would fail to connect.',
      'this certificate does not cover a.example.com: its names are b.example.net',
    ],
    ['RSA keys only.', 'RSA keys only'],
  ])('%s', (message, reason) => expect(reasonOf(message)).toBe(reason));
});

describe('formatDay', () => {
  it('writes a day as people do, in UTC', () => {
    expect(formatDay('2025-01-01T12:00:00Z')).toBe('1 January 2025');
    expect(formatDay(Date.UTC(2026, 11, 31, 23, 59))).toBe('31 December 2026');
  });
});
