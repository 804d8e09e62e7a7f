import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { CallbackHandlerInspection } from '@/lib/callback-handler/inspect';

import { InspectionPanel, type InspectionPanelProps } from './inspection-panel';

const urlOnly: CallbackHandlerInspection = {
  ok: true,
  errors: {},
  warnings: [],
  url: { scheme: 'https', hostname: 'callbacks.example.com', port: 443, path: '/', hostKind: 'name' },
} as unknown as CallbackHandlerInspection;

function panel(props: Partial<InspectionPanelProps>) {
  render(
    <InspectionPanel
      inspection={urlOnly}
      checking={false}
      error={null}
      onRetry={() => undefined}
      empty={false}
      {...props}
    />,
  );
  return screen.getByText(/^(Looks right|Acceptable, with warnings|Cannot be used.*|Not complete yet)$/).closest('p');
}

describe('the inspection panel agrees with the form', () => {
  it('says "Cannot be used" and why when the form refused a field the server did not see', () => {
    const verdict = panel({
      missing: 'No public key entered yet.',
      formErrors: { publicKey: 'This is a private key. It was not kept.' },
    });
    expect(verdict?.textContent).toBe('Cannot be used: this is a private key');
    expect(screen.getByText('Public key: This is a private key. It was not kept.')).toBeTruthy();
    expect(screen.queryByText('Looks right')).toBeNull();
  });

  it('gives no "Looks right" while a field is empty', () => {
    expect(panel({ missing: 'No public key entered yet.' })?.textContent).toBe('Not complete yet');
    expect(screen.getByText('No public key entered yet.')).toBeTruthy();
  });

  it('shows "Acceptable, with warnings" in the warning colour, not the success one', () => {
    const verdict = panel({ inspection: { ...urlOnly, warnings: ['The certificate expires in 10 days.'] } });
    expect(verdict?.textContent).toBe('Acceptable, with warnings');
    expect(verdict?.className).toContain('text-amber');
    expect(verdict?.className).not.toContain('emerald');
  });

  it('says "Looks right" in the success colour only when everything is there and fine', () => {
    const verdict = panel({});
    expect(verdict?.textContent).toBe('Looks right');
    expect(verdict?.className).toContain('emerald');
  });

  it('says the first problem in the verdict, with a date for people: never "Looks right" beside an error', () => {
    const verdict = panel({
      inspection: {
        ...urlOnly,
        ok: false,
        errors: { cert: 'The certificate expired on 1 January 2025; the Co-Signer would refuse the handler.' },
      },
      // The form has no error of its own for the field: an undefined entry must not hide the server's.
      formErrors: { url: undefined, cert: undefined },
    });
    expect(verdict?.textContent).toBe('Cannot be used: the certificate expired on 1 January 2025');
    expect(verdict?.getAttribute('data-verdict')).toBe('unusable');
    expect(screen.queryByText('Looks right')).toBeNull();
  });

  it('lists a field once, with the form’s message over the server’s', () => {
    panel({
      inspection: { ...urlOnly, ok: false, errors: { url: 'server says no' } },
      formErrors: { url: 'Enter a valid URL.' },
    });
    expect(screen.getByText('URL: Enter a valid URL.')).toBeTruthy();
    expect(screen.queryByText(/server says no/)).toBeNull();
  });
});
