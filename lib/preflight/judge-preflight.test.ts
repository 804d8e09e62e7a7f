import { describe, expect, it } from 'vitest';

import { judgePreflight, type JudgeInput } from './judge-preflight';
import type { PresentedCertificate } from './preflight-schemas';
import type { ProbeRecord } from './probe-tls';

// The verdict rules on records the probe could have made; run-preflight.test.ts makes the same cases for real.
const NOW = new Date('2026-06-01T12:00:00Z');
const PIN = 'a'.repeat(64);

const leaf = (o: Partial<PresentedCertificate> = {}): PresentedCertificate => ({
  subject: 'CN=pay.example.com',
  sans: ['DNS:pay.example.com'],
  issuer: 'CN=Example CA',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-03-03T00:00:00.000Z',
  spkiSha256: PIN,
  ...o,
});

function record(o: Partial<ProbeRecord> = {}, cert: Partial<PresentedCertificate> = {}): ProbeRecord {
  return {
    host: 'pay.example.com',
    port: 443,
    addresses: ['203.0.113.7'],
    refused: null,
    connectedAddress: '203.0.113.7',
    timings: { dnsMs: 1, connectMs: 2, handshakeMs: 3 },
    failure: null,
    tls: { version: 'TLSv1.3', chain: [leaf(cert)], chainVerified: true, chainError: null, namesHost: true },
    ...o,
  };
}

const judge = (r: ProbeRecord, o: Partial<JudgeInput> = {}) =>
  judgePreflight({ record: r, expectation: { mode: 'cert', pinnedSpkiSha256: PIN }, plainHttp: false, now: NOW, ...o });
const byKey = { expectation: { mode: 'publicKey' as const } };

describe('judgePreflight', () => {
  it('passes, with a summary that names the host and a date for people', () => {
    const result = judge(record());
    expect(result).toMatchObject({ verdict: 'pass', findings: [], checkedAt: NOW.toISOString() });
    expect(result.summary).toBe(
      "The server at pay.example.com presents the pinned certificate's key, in a certificate for pay.example.com, valid until 3 March 2027.",
    );
    expect(judge(record(), byKey).summary).toBe(
      'The server at pay.example.com presents a CA-signed certificate for pay.example.com, valid until 3 March 2027.',
    );
  });

  it('puts the pin first when several things fail, and the verdict is the worst finding', () => {
    const r = record({
      tls: {
        ...record().tls!,
        namesHost: false,
        chain: [
          leaf({ spkiSha256: 'b'.repeat(64), notAfter: '2026-05-01T00:00:00.000Z', sans: ['DNS:other.example.net'] }),
        ],
      },
    });
    const result = judge(r);
    expect(result.verdict).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['pin_mismatch', 'cert_expired', 'host_not_named']);
    expect(result.findings[1]?.message).toContain('expired on 1 May 2026');
    expect(result.findings[2]?.message).toContain('a certificate for other.example.net, not for pay.example.com');
  });

  it('a certificate with no names at all says so', () => {
    const r = record({ tls: { ...record().tls!, namesHost: false, chain: [leaf({ sans: [] })] } });
    expect(judge(r).summary).toContain('presents a certificate for no host at all');
  });

  it('a chain that does not verify matters only for a public key handler', () => {
    const unverified = record({
      tls: { ...record().tls!, chainVerified: false, chainError: 'SELF_SIGNED_CERT_IN_CHAIN' },
    });
    expect(judge(unverified).verdict).toBe('pass');
    const result = judge(unverified, byKey);
    expect(result.verdict).toBe('warn');
    expect(result.findings.map((f) => f.code)).toEqual(['chain_unverified']);
    expect(result.summary).toContain('its chain ends in a self-signed certificate no trusted CA vouches for');
  });

  it('warns 30 days ahead, not 31', () => {
    expect(judge(record({}, { notAfter: '2026-06-30T12:00:00.000Z' })).findings.map((f) => f.code)).toEqual([
      'cert_expiring',
    ]);
    expect(judge(record({}, { notAfter: '2026-07-02T12:00:00.000Z' })).verdict).toBe('pass');
  });

  it.each([
    [{ stage: 'dns', kind: 'timeout', code: null }, 'pay.example.com did not answer within 5 seconds'],
    [
      { stage: 'connect', kind: 'unreachable', code: 'EHOSTUNREACH' },
      "cannot be reached from the console's network (EHOSTUNREACH)",
    ],
    [{ stage: 'connect', kind: 'timeout', code: null }, 'did not answer within 5 seconds'],
  ] as const)('an unreachable server is a warning that the Co-Signer network may differ (%o)', (failure, words) => {
    const result = judge(record({ failure, tls: null, connectedAddress: null }));
    expect(result.verdict).toBe('warn');
    expect(result.summary).toContain(words);
    expect(result.summary).toContain("The Co-Signer's network may differ from the console's");
  });

  it('names a server on another port, and an IPv6 one, as people write them', () => {
    expect(judge(record({ port: 8443 })).summary).toContain('The server at pay.example.com:8443 presents');
    expect(judge(record({ host: '2001:db8::1', port: 8443 })).summary).toContain('The server at [2001:db8::1]:8443');
  });

  it('refuses an address that is not a handler address, and says when the host is that address', () => {
    const refused = record({
      refused: { address: '100.100.100.200', kind: 'metadata' },
      tls: null,
      connectedAddress: null,
    });
    expect(judge({ ...refused, host: '100.100.100.200' }).summary).toBe(
      '100.100.100.200 is a cloud instance-metadata address: the Co-Signer cannot call a handler there, and the console does not connect to it.',
    );
    expect(judge(record({ refused: { address: '0.0.0.0', kind: 'unspecified' }, tls: null })).verdict).toBe('fail');
  });
});
