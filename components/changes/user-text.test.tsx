import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AuditEventRow, showControls } from '@/components/audit/audit-event-row';
import type { AuditEvent } from '@/lib/audit/audit-event-schema';

import { ActorName } from '@/components/ui/change/actor-name';
import { ChangeReason } from './change-reason';

// People's text (reasons, IdP names) may be right-to-left or carry a right-to-left override: shown isolated, so it
// cannot reorder the sentence around it ("Proposed by X — “reason”").
const RLO = '\u202E';
const reason = `wrong host ${RLO}moc.live`;

/** The element whose text is exactly `text`, which must be a <bdi>. */
function isolated(container: HTMLElement, text: string): Element | undefined {
  return [...container.querySelectorAll('*')].find((e) => e.textContent === text && e.children.length === 0);
}

describe('user text is isolated', () => {
  it('a reason sits in a <bdi>', () => {
    const { container } = render(
      <p>
        Proposed by someone — “<ChangeReason reason={reason} />
        ”.
      </p>,
    );
    expect(isolated(container, reason)?.tagName).toBe('BDI');
  });

  it('an actor name sits in a <bdi>', () => {
    const name = `${RLO}ecilA`;
    const { container } = render(<ActorName actor={{ name, email: 'alice@example.com' }} />);
    expect(isolated(container, name)?.tagName).toBe('BDI');
  });

  it('the audit page isolates the actor name and shows a control in a record as its escape', () => {
    const event: AuditEvent = {
      seq: 7,
      at: '2026-01-02T03:04:05.000Z',
      kind: 'change_declined',
      actor: { iss: 'https://idp.example', sub: 'bob', email: 'bob@example.com', name: `${RLO}boB`, role: 'admin' },
      changeId: 'c',
      cosignerId: null,
      apiKeyId: null,
      requestId: null,
      fireblocksRequestId: null,
      fireblocksAsyncRequestId: null,
      before: null,
      after: null,
      detail: { reason },
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
    };
    const { container } = render(
      <table>
        <tbody>
          <AuditEventRow event={event} />
        </tbody>
      </table>,
    );
    expect(isolated(container, `${RLO}boB`)?.tagName).toBe('BDI');
    expect(showControls(JSON.stringify({ reason }))).toBe('{"reason":"wrong host \\u202Emoc.live"}');
  });
});
