import { describe, expect, it } from 'vitest';

import { approvalActionsFor, askedActionOf, canResubmit, isProposer, type ChangeViewer } from './change-viewer';

const alice = { iss: 'https://idp.example', sub: 'alice' };
const bob: ChangeViewer = { iss: 'https://idp.example', sub: 'bob', role: 'admin' };

describe('who may do what with a change awaiting approval', () => {
  const change = {
    proposer: { ...alice, email: 'a@x', name: 'Alice', role: 'admin' as const },
    state: 'awaiting_approval' as const,
  };

  it('lets another admin approve or decline, and the proposer only withdraw', () => {
    expect(approvalActionsFor(bob, change)).toEqual(['approve', 'decline']);
    expect(approvalActionsFor({ ...alice, role: 'admin' }, change)).toEqual(['withdraw']);
  });

  it('offers nothing to a viewer, or once the change has moved on', () => {
    expect(approvalActionsFor({ ...bob, role: 'viewer' }, change)).toEqual([]);
    expect(approvalActionsFor(bob, { ...change, state: 'sent' })).toEqual([]);
  });

  it('tells people apart by issuer and subject together', () => {
    expect(isProposer({ iss: 'https://other-idp.example', sub: 'alice', role: 'admin' }, change)).toBe(false);
  });
});

describe('resubmitting', () => {
  it('is offered for declined, rejected, stale and failed changes only', () => {
    expect(['declined', 'rejected', 'stale', 'failed'].every((s) => canResubmit(s as never))).toBe(true);
    expect(canResubmit('completed')).toBe(false);
    expect(canResubmit('awaiting_approval')).toBe(false);
    expect(canResubmit('withdrawn')).toBe(false);
  });
});

describe('askedActionOf', () => {
  it('reads the dialog the address asks for', () => {
    expect(askedActionOf({ approve: '1' })).toBe('approve');
    expect(askedActionOf({ decline: '1', state: 'open' })).toBe('decline');
    expect(askedActionOf({ approve: ['1', '1'] })).toBeUndefined();
    expect(askedActionOf({ approve: 'yes' })).toBeUndefined();
  });
});
