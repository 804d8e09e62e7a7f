import { describe, expect, it } from 'vitest';

import type { IndexedKey, KeyIndex } from '@/lib/search/key-index-types';

import { keyRefOf } from '@/lib/db/read-open-changes';

import { computeFindings, type CertOnRecord } from './compute-findings';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const DAY = 86_400_000;
const daysFromNow = (d: number) => new Date(NOW.getTime() + d * DAY).toISOString();

const A = { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Treasury SGX' };
const B = { id: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Payments SGX' };
const ARCHIVED = { id: 'cccccccc-0000-4000-8000-000000000003', name: 'Legacy' };

const key = (apiKeyId: string, over: Partial<IndexedKey> = {}): IndexedKey => ({
  cosignerId: A.id,
  cosignerName: A.name,
  cosignerArchived: false,
  apiKeyId,
  lastSeen: daysFromNow(-1),
  url: `https://callbacks.a.example/${apiKeyId}`,
  publicKeyFingerprint: '11'.repeat(32),
  apiUser: null,
  ...over,
});

function findingsOf(keys: IndexedKey[], certs: Record<string, CertOnRecord> = {}) {
  const index: KeyIndex = {
    cosigners: [
      { ...A, archived: false },
      { ...B, archived: false },
      { ...ARCHIVED, archived: true },
    ],
    keys,
    asOf: NOW.toISOString(),
    apiUsers: { available: true },
  };
  return computeFindings({ index, certsOnRecord: new Map(Object.entries(certs)), now: NOW });
}

describe('computeFindings', () => {
  it('names a key’s open change on its findings, and offers no fix on top of it', () => {
    const index: KeyIndex = {
      cosigners: [{ ...A, archived: false }],
      keys: [
        key('open', { url: 'https://h.example.com/fireblocks/v2/tx_sign_request' }),
        key('closed', { url: 'https://h.example.com/fireblocks/v2/tx_sign_request' }),
      ],
      asOf: NOW.toISOString(),
      apiUsers: { available: true },
    };
    const openChange = { id: 'c-1', state: 'awaiting_approval' as const };
    const [open, closed] = computeFindings({
      index,
      certsOnRecord: new Map(),
      openChanges: new Map([[keyRefOf(A.id, 'open'), openChange]]),
      now: NOW,
    });
    expect(open).toMatchObject({ apiKeyId: 'open', kind: 'misrouted_url', openChange });
    expect(open?.fixPath).toBeUndefined();
    expect(closed).toMatchObject({ apiKeyId: 'closed', fixPath: expect.stringContaining('/edit?url=') as unknown });
    expect(closed?.openChange).toBeUndefined();
  });

  it('finds nothing in a healthy key', () => {
    expect(findingsOf([key('ok')])).toEqual([]);
  });

  it('a key without a callback handler', () => {
    const [f, ...rest] = findingsOf([key('bare', { url: undefined, publicKeyFingerprint: undefined })]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'no_handler', severity: 'warning', apiKeyId: 'bare', cosignerName: A.name });
    expect(f?.action).toMatch(/Configure a callback handler/);
  });

  it('a URL ending in a Co-Signer route, with the corrected URL and the one-click fix path', () => {
    for (const [url, route, corrected] of [
      [
        'https://h.example.com/fireblocks/v2/tx_sign_request',
        '/v2/tx_sign_request',
        'https://h.example.com/fireblocks',
      ],
      [
        'https://h.example.com/cb/config_change_sign_request/',
        '/config_change_sign_request',
        'https://h.example.com/cb',
      ],
      [
        'https://h.example.com/v2/config_change_sign_request',
        '/v2/config_change_sign_request',
        // Spelled as the form would send it (normalised): the root path keeps its slash.
        'https://h.example.com/',
      ],
    ] as const) {
      const [f] = findingsOf([key('k 1', { url })]);
      expect(f).toMatchObject({ kind: 'misrouted_url', severity: 'critical', correctedUrl: corrected });
      expect(f?.summary).toContain(`…${route}/v2/tx_sign_request.`);
      expect(f?.action).toBe(`Change the URL to ${corrected}.`);
      expect(f?.fixPath).toBe(`/cosigners/${A.id}/api-keys/k%201/edit?url=${encodeURIComponent(corrected)}`);
    }
  });

  it('names the route the Co-Signer appends for a pinned certificate (no /v2)', () => {
    const [f] = findingsOf([
      key('pinned', {
        url: 'https://h.example.com/tx_sign_request',
        publicKeyFingerprint: undefined,
        certPublicKeyHash: 'ab'.repeat(32),
      }),
    ]);
    expect(f?.summary).toContain('…/tx_sign_request/tx_sign_request.');
  });

  it('never puts a URL with a password into a fix link', () => {
    const [f] = findingsOf([key('k', { url: 'https://u:secret@h.example.com/v2/tx_sign_request' })]);
    expect(f).toMatchObject({ kind: 'misrouted_url' });
    expect(f?.fixPath).toBeUndefined();
    expect(JSON.stringify(f?.action)).not.toContain('secret');
  });

  it('a pinned certificate the console sent: expired, expiring within 30 days, or fine', () => {
    const hash = 'ab'.repeat(32);
    const certKey = (id: string) => key(id, { publicKeyFingerprint: undefined, certPublicKeyHash: hash });
    const cert = (days: number): CertOnRecord => ({ certPublicKeyHash: hash, notAfter: daysFromNow(days) });
    const found = findingsOf([certKey('expired'), certKey('soon'), certKey('later')], {
      [keyRefOf(A.id, 'expired')]: cert(-2),
      [keyRefOf(A.id, 'soon')]: cert(10),
      [keyRefOf(A.id, 'later')]: cert(31),
    });
    expect(found.map((f) => [f.apiKeyId, f.kind, f.severity])).toEqual([
      ['expired', 'cert_expired', 'critical'],
      ['soon', 'cert_expiring', 'warning'],
    ]);
    expect(found[1]?.summary).toMatch(/expires in 10 days/);
    expect(found[1]?.expiresAt).toBe(daysFromNow(10));
  });

  it('says nothing of a certificate whose live key hash is not the one on record (pinned outside the console)', () => {
    const live = key('k', { publicKeyFingerprint: undefined, certPublicKeyHash: 'cd'.repeat(32) });
    expect(
      findingsOf([live], { [keyRefOf(A.id, 'k')]: { certPublicKeyHash: 'ab'.repeat(32), notAfter: daysFromNow(-1) } }),
    ).toEqual([]);
  });

  it('a handler URL shared by keys of different cosigners, whatever the host case or a trailing slash', () => {
    const found = findingsOf([
      key('a1', { url: 'https://Shared.example.com/cb/' }),
      key('a2', { url: 'https://shared.example.com/cb' }),
      key('b1', { cosignerId: B.id, cosignerName: B.name, url: 'https://shared.example.com/cb' }),
    ]);
    expect(found.map((f) => [f.apiKeyId, f.kind])).toEqual([
      ['a1', 'shared_url'],
      ['a2', 'shared_url'],
      ['b1', 'shared_url'],
    ]);
    expect(found[2]?.sharedWith?.map((o) => o.apiKeyId)).toEqual(['a1', 'a2']);
    expect(found[2]?.summary).toBe('The same handler URL serves 2 keys of 1 other cosigner.');
  });

  it('keys of one cosigner on one URL are not a finding', () => {
    expect(
      findingsOf([key('a1', { url: 'https://one.example/cb' }), key('a2', { url: 'https://one.example/cb' })]),
    ).toEqual([]);
  });

  it('a key not seen for 30 days; never seen is not stale', () => {
    const found = findingsOf([
      key('old', { lastSeen: daysFromNow(-45) }),
      key('fireblocks-format', { lastSeen: '2026-10-01 00:00:00+00:00' }),
      key('recent', { lastSeen: daysFromNow(-29) }),
      key('never', { lastSeen: undefined }),
    ]);
    expect(found.map((f) => [f.apiKeyId, f.kind])).toEqual([
      ['old', 'not_seen'],
      ['fireblocks-format', 'not_seen'],
    ]);
    expect(found[0]?.summary).toMatch(/^Not seen for 45 days/);
  });

  it('leaves archived cosigners out, and sorts the most urgent kinds first', () => {
    const found = findingsOf([
      key('stale', { lastSeen: daysFromNow(-60) }),
      key('bare', { url: undefined }),
      key('archived', { cosignerId: ARCHIVED.id, cosignerArchived: true, url: undefined }),
      key('routed', { url: 'https://h.example.com/tx_sign_request' }),
    ]);
    expect(found.map((f) => f.kind)).toEqual(['misrouted_url', 'no_handler', 'not_seen']);
  });
});
