import { describe, expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/queries/types';

import { resubmitPrefillOf } from './resubmit-prefill';

const key = { cosignerId: 'c1', apiKeyId: 'k1' };
const declined: ChangeResponse = {
  id: 'ch1',
  ...key,
  state: 'declined',
  proposer: { iss: 'i', sub: 'alice', email: 'a@x', name: 'Alice', role: 'admin' },
  approver: { iss: 'i', sub: 'bob', email: 'b@x', name: 'Bob', role: 'admin' },
  reason: 'Move to the new host',
  decidedReason: 'Wrong host: use hooks-eu',
  before: null,
  after: {
    url: 'https://hooks.example.com',
    mode: 'cert',
    cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  },
  fireblocks: { requestId: null, xRequestId: null, lastStatus: null },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  expiresAt: null,
  closedAt: '2026-01-01T00:01:00Z',
  preflight: null,
};

describe('resubmitPrefillOf', () => {
  it('fills the form from what the change would have sent, with its reason', () => {
    expect(resubmitPrefillOf(declined, key)).toEqual({
      fromChangeId: 'ch1',
      fromState: 'declined',
      outcome: 'Wrong host: use hooks-eu',
      url: 'https://hooks.example.com',
      mode: 'cert',
      pem: declined.after.cert,
      reason: 'Move to the new host',
    });
  });

  it('takes the public key of a public-key change', () => {
    const change = {
      ...declined,
      state: 'stale' as const,
      after: { url: 'https://h.example.com', mode: 'publicKey' as const, publicKey: 'PEM' },
    };
    expect(resubmitPrefillOf(change, key)).toMatchObject({ mode: 'publicKey', pem: 'PEM' });
  });

  it('fills nothing from a change to another key, or one still open or applied', () => {
    expect(resubmitPrefillOf(declined, { cosignerId: 'c1', apiKeyId: 'k2' })).toBeNull();
    expect(resubmitPrefillOf({ ...declined, state: 'awaiting_approval' }, key)).toBeNull();
    expect(resubmitPrefillOf({ ...declined, state: 'completed' }, key)).toBeNull();
    expect(resubmitPrefillOf(null, key)).toBeNull();
  });
});
