import { describe, expect, it } from 'vitest';

import type { ChangeState } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';

import { changeNotificationOf, summaryText, type ChangeMove, type MoveActor } from './change-notification';

const APP_URL = new URL('https://console.example.com');
const alice = { iss: 'https://idp.example', sub: 'alice', email: 'alice@example.com', name: 'alice', role: 'admin' };
const bob: MoveActor = { sub: 'bob', name: 'bob', email: 'bob@example.com' };
const aliceActor: MoveActor = { sub: 'alice', name: 'alice', email: 'alice@example.com' };

function rowIn(state: ChangeState, proposer: object = alice): ChangeRow {
  return {
    id: '3f1c2b7e-6a4d-4e0f-9b8a-1c2d3e4f5a6b',
    cosigner_id: 'cos-1',
    api_key_id: '9a8b7c6d-0000-4000-8000-00000fabc123',
    state,
    proposer: JSON.stringify(proposer),
    proposer_sub: 'alice',
    approver: null,
    approver_sub: null,
    reason: null,
    before_handler: 'null',
    after_handler: '{"url":"https://cb.example.com","mode":"publicKey"}',
    fireblocks_request_id: null,
    fireblocks_x_request_id: null,
    last_fireblocks_status: null,
    decided_reason: null,
    created_at: '2026-01-02T03:04:05.000Z',
    updated_at: '2026-01-02T03:09:00.000Z',
    expires_at: null,
    closed_at: null,
    preflight: null,
    version: 2,
  };
}

const move = (to: ChangeState, from: ChangeState | null, actor: MoveActor | null): ChangeMove => ({
  change: rowIn(to),
  from,
  actor,
});

describe('changeNotificationOf', () => {
  it('carries the change, both states, the actor, the time of the move and the link to the change page', () => {
    expect(changeNotificationOf(move('sending', 'awaiting_approval', bob), APP_URL, 'Treasury SGX')).toEqual({
      changeId: '3f1c2b7e-6a4d-4e0f-9b8a-1c2d3e4f5a6b',
      cosignerId: 'cos-1',
      apiKeyId: '9a8b7c6d-0000-4000-8000-00000fabc123',
      from: 'awaiting_approval',
      to: 'sending',
      actor: { sub: 'bob', name: 'bob', email: 'bob@example.com' },
      at: '2026-01-02T03:09:00.000Z',
      link: 'https://console.example.com/changes/3f1c2b7e-6a4d-4e0f-9b8a-1c2d3e4f5a6b',
      text: "bob approved alice's change to key …abc123 on Treasury SGX: sending",
    });
  });

  it('has a null `from` for the proposal and a null actor for the console’s own moves; names default to ""', () => {
    const proposed = changeNotificationOf(move('awaiting_approval', null, aliceActor), APP_URL, 'Treasury SGX');
    expect(proposed).toMatchObject({ from: null, to: 'awaiting_approval', actor: { sub: 'alice' } });
    expect(changeNotificationOf(move('sent', 'sending', null), APP_URL, 'X').actor).toBeNull();
    const nameless = changeNotificationOf(
      move('declined', 'awaiting_approval', { sub: 'u1', name: null, email: null }),
      APP_URL,
      'X',
    );
    expect(nameless.actor).toEqual({ sub: 'u1', name: '', email: '' });
    expect(nameless.text).toBe("u1 declined alice's change to key …abc123 on X: declined");
  });
});

describe('summaryText', () => {
  it.each([
    [
      move('awaiting_approval', null, aliceActor),
      'alice proposed a change to key …abc123 on Treasury SGX: awaiting approval',
    ],
    [move('sending', null, aliceActor), 'alice proposed a change to key …abc123 on Treasury SGX: sending'],
    [move('sending', 'awaiting_approval', bob), "bob approved alice's change to key …abc123 on Treasury SGX: sending"],
    [
      move('declined', 'awaiting_approval', bob),
      "bob declined alice's change to key …abc123 on Treasury SGX: declined",
    ],
    [
      move('withdrawn', 'awaiting_approval', aliceActor),
      'alice withdrew their change to key …abc123 on Treasury SGX: withdrawn',
    ],
    [move('failed', 'unknown', bob), "bob marked as failed alice's change to key …abc123 on Treasury SGX: failed"],
    [move('sent', 'sending', null), "alice's change to key …abc123 on Treasury SGX: sent to Fireblocks"],
    [move('completed', 'sent', null), "alice's change to key …abc123 on Treasury SGX: completed"],
    [
      move('expired', 'awaiting_approval', null),
      "alice's change to key …abc123 on Treasury SGX: expired without approval",
    ],
    [
      move('stale', 'awaiting_approval', bob),
      "bob tried to approve alice's change to key …abc123 on Treasury SGX: stale, the live handler changed",
    ],
  ])('%#: %s', (m, text) => {
    expect(summaryText(m, 'Treasury SGX')).toBe(text);
  });

  it('escapes Slack markup in names and keeps to one line; an unreadable cosigner name gives its id', () => {
    const sneaky = { ...alice, name: 'Eve <!channel> &\nco' };
    const m: ChangeMove = { change: rowIn('completed', sneaky), from: 'sent', actor: null };
    expect(summaryText(m, 'Ops <https://evil.example|SGX>')).toBe(
      "Eve &lt;!channel&gt; &amp; co's change to key …abc123 on Ops &lt;https://evil.example|SGX&gt;: completed",
    );
    expect(summaryText(move('sent', 'sending', null), null)).toBe(
      "alice's change to key …abc123 on cosigner cos-1: sent to Fireblocks",
    );
  });
});
