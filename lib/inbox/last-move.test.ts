import { describe, expect, it } from 'vitest';

import { lastMoveOf, type ChangeEventSummary } from './last-move';

const alice = { sub: 'alice', name: 'Alice', email: 'alice@example.test' };
const bob = { sub: 'bob', name: 'Bob', email: 'bob@example.test' };
const ev = (kind: string, actor: ChangeEventSummary['actor'], minute: number): ChangeEventSummary => ({
  kind,
  actor,
  at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('lastMoveOf', () => {
  it('a proposal awaiting approval: moved from nothing, by its proposer', () => {
    expect(lastMoveOf('awaiting_approval', [ev('change_proposed', alice, 0)])).toEqual({
      from: null,
      to: 'awaiting_approval',
      actor: alice,
      at: '2026-12-01T10:00:00.000Z',
    });
  });

  it('declined by another admin', () => {
    expect(lastMoveOf('declined', [ev('change_proposed', alice, 0), ev('change_declined', bob, 1)])).toMatchObject({
      from: 'awaiting_approval',
      to: 'declined',
      actor: bob,
    });
  });

  it('approved, sent, status reads that change nothing, then completed by the console', () => {
    const events = [
      ev('change_proposed', alice, 0),
      ev('change_approved', bob, 1),
      ev('change_sent', null, 2),
      ev('change_status', null, 3),
      ev('change_status', null, 4),
      ev('change_completed', null, 5),
    ];
    expect(lastMoveOf('completed', events)).toMatchObject({ from: 'sent', to: 'completed', actor: null });
    // Before COMPLETED came: the last move is still the one into sent, not a status read.
    expect(lastMoveOf('sent', events.slice(0, 5))).toMatchObject({ from: 'sending', to: 'sent', actor: null });
  });

  it('a status read that cancelled it, and a proposal sent at once (no approvals)', () => {
    expect(
      lastMoveOf('cancelled', [
        ev('change_proposed', alice, 0),
        ev('change_sent', null, 1),
        ev('change_status', null, 2),
      ]),
    ).toMatchObject({ from: 'sent', to: 'cancelled' });
  });

  it('unknown, then reconciled by an admin as failed', () => {
    expect(
      lastMoveOf('failed', [
        ev('change_proposed', alice, 0),
        ev('change_approved', bob, 1),
        ev('change_unknown', null, 2),
        ev('change_reconciled', bob, 3),
      ]),
    ).toMatchObject({ from: 'unknown', to: 'failed', actor: bob });
  });

  it('ignores events that move nothing, and says null when nothing moved it', () => {
    expect(lastMoveOf('awaiting_approval', [ev('sign_in', alice, 0)])).toBeNull();
    expect(
      lastMoveOf('withdrawn', [
        ev('change_proposed', alice, 0),
        ev('sign_in', bob, 1),
        ev('change_withdrawn', alice, 2),
      ]),
    ).toMatchObject({ from: 'awaiting_approval', to: 'withdrawn', actor: alice });
  });
});
