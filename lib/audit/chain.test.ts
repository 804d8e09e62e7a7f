import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { canonicalJson, computeEventHash, GENESIS_HASH, toJsonLine, verifyChain } from './chain';
import type { AuditEvent } from './audit-event-schema';

describe('canonicalJson', () => {
  it('matches the example of RFC 8785 section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalJson(input);
    const order = ['"\\r"', '"1"', '"\u0080"', '"ö"', '"€"', '"\ud83d\ude00"', '"\ufb33"'].map((k) => text.indexOf(k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

const event: Omit<AuditEvent, 'hash'> = {
  seq: 1,
  at: '2026-11-30T03:21:11.123Z',
  kind: 'sign_in',
  actor: { iss: 'https://idp.example', sub: 'alice', email: null, name: 'Alice', role: 'admin' },
  changeId: null,
  cosignerId: null,
  apiKeyId: null,
  requestId: 'req-1',
  fireblocksRequestId: null,
  fireblocksAsyncRequestId: null,
  before: null,
  after: null,
  detail: { note: 'ü' },
  prevHash: GENESIS_HASH,
};

describe('the hash chain', () => {
  it('hashes prevHash, a newline and the canonical event without its hash', () => {
    const canonical =
      '{"actor":{"email":null,"iss":"https://idp.example","name":"Alice","role":"admin","sub":"alice"},"after":null,"apiKeyId":null,' +
      '"at":"2026-11-30T03:21:11.123Z","before":null,"changeId":null,"cosignerId":null,"detail":{"note":"ü"},"fireblocksAsyncRequestId":null,' +
      `"fireblocksRequestId":null,"kind":"sign_in","prevHash":"${GENESIS_HASH}","requestId":"req-1","seq":1}`;
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`, 'utf8').digest('hex');
    expect(computeEventHash(event)).toBe(expected);
    // The export line is the same canonical text with the hash in its sorted place.
    expect(toJsonLine({ ...event, hash: expected })).toBe(canonical.replace('"kind":', `"hash":"${expected}","kind":`));
  });

  it('writes U+2028 and U+2029 escaped in an export line: one event per line for every reader, verifying the same', async () => {
    const body = { ...event, detail: { reason: 'one\u2028two\u2029three' } };
    const line = toJsonLine({ ...body, hash: computeEventHash(body) });
    expect(line).not.toMatch(/[\u2028\u2029]/);
    expect(line).toContain('one\\u2028two\\u2029three');
    // What Python's str.splitlines() and many editors take for line breaks.
    expect(line.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/)).toHaveLength(1);
    const parsed = JSON.parse(line) as { detail: { reason: string } };
    expect(parsed.detail.reason).toBe('one\u2028two\u2029three');
    expect(await verifyChain([parsed])).toMatchObject({ ok: true, count: 1 });
  });

  it('rejects a wrong seq, a wrong link and an invalid shape, naming where', async () => {
    const first = { ...event, hash: computeEventHash(event) };
    const secondBody = { ...event, seq: 2, kind: 'sign_out' as const, prevHash: first.hash };
    const second = { ...secondBody, hash: computeEventHash(secondBody) };
    expect(await verifyChain([first, second])).toEqual({ ok: true, count: 2, headHash: second.hash });
    expect(await verifyChain([second])).toMatchObject({ ok: false, brokenSeq: 1, reason: 'expected seq 1, found 2' });
    expect(await verifyChain([first, { ...second, prevHash: GENESIS_HASH }])).toMatchObject({
      ok: false,
      brokenSeq: 2,
    });
    expect(await verifyChain([first, { ...second, extra: 1 }])).toMatchObject({
      ok: false,
      brokenSeq: 2,
      reason: expect.stringMatching(/not a valid event/) as unknown,
    });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });
});
