import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { PreflightResult } from '@/lib/preflight/preflight-schemas';

import { PreflightVerdict } from './preflight-verdict';

const PIN_MISMATCH =
  'The server at pay.example.com presents a different certificate from the one pinned: the Co-Signer will refuse it.';

const failed: PreflightResult = {
  verdict: 'fail',
  checkedAt: '2026-06-01T12:00:00.000Z',
  summary: PIN_MISMATCH,
  host: 'pay.example.com',
  port: 443,
  addresses: ['203.0.113.7'],
  connectedAddress: '203.0.113.7',
  timings: { dnsMs: 2.4, connectMs: 11.2, handshakeMs: 20.9 },
  findings: [
    { code: 'pin_mismatch', severity: 'fail', message: PIN_MISMATCH },
    {
      code: 'cert_expiring',
      severity: 'warn',
      message: 'The server at pay.example.com presents a certificate that ends on 20 June 2026, within 30 days.',
    },
  ],
  tls: {
    version: 'TLSv1.3',
    chain: [
      {
        subject: 'CN=pay.example.com',
        sans: ['DNS:pay.example.com'],
        issuer: 'CN=pay.example.com',
        notBefore: '2026-01-01T00:00:00.000Z',
        notAfter: '2026-06-20T00:00:00.000Z',
        spkiSha256: 'ab'.repeat(32),
      },
    ],
    chainVerified: false,
    chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    namesHost: true,
  },
};

const passed: PreflightResult = {
  ...failed,
  verdict: 'pass',
  findings: [],
  summary: 'The server at pay.example.com presents the pinned certificate’s key.',
};

const section = () => screen.getByRole('region', { name: 'Pre-flight check' });

describe('PreflightVerdict', () => {
  it('says the verdict first, in one sentence, then what it means for approving under block', () => {
    render(<PreflightVerdict result={failed} mode="block" stage="approval" />);
    const text = section().textContent ?? '';
    expect(text.indexOf('Pre-flight failed')).toBe(0);
    expect(text.indexOf(PIN_MISMATCH)).toBeLessThan(text.indexOf('What was checked'));
    expect(screen.getByTestId('preflight-summary').textContent).toBe(PIN_MISMATCH);
    expect(screen.getByText('Approving is refused until the server is fixed and a new check passes.')).toBeTruthy();
    // The other findings follow the first; the details are folded.
    expect(screen.getByText(/ends on 20 June 2026, within 30 days/)).toBeTruthy();
    expect(section().querySelector('details')?.open).toBe(false);
  });

  it('words a failure under PREFLIGHT=warn, a warning, and a failure in the edit form, each for its step', () => {
    const { rerender } = render(<PreflightVerdict result={failed} mode="warn" stage="approval" />);
    expect(screen.getByText(/set to warn only, so approving is allowed: but the handler will not work/)).toBeTruthy();
    rerender(<PreflightVerdict result={{ ...failed, verdict: 'warn' }} mode="block" stage="approval" />);
    expect(screen.getByText('Approving is allowed: read the warning first.')).toBeTruthy();
    rerender(<PreflightVerdict result={failed} mode="block" stage="proposal" />);
    expect(screen.getByText(/You can submit, but no one can approve it until the server is fixed/)).toBeTruthy();
    rerender(<PreflightVerdict result={failed} mode="block" stage="record" />);
    expect(screen.queryByText(/approv/i)).toBeNull();
  });

  it('shows dates for people, never raw ISO, and the key hash as the console writes fingerprints', () => {
    render(<PreflightVerdict result={passed} mode="block" stage="approval" />);
    const text = section().textContent ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain('2026');
    expect(within(section()).getByText('Valid until')).toBeTruthy();
    expect(text).toContain('AB:AB:AB');
    expect(text).toContain('name lookup 2 ms, connection 11 ms, TLS handshake 21 ms');
  });

  it('"Check again" asks for a check, and says so while it runs', () => {
    const onCheck = vi.fn();
    const { rerender } = render(<PreflightVerdict result={failed} mode="block" stage="approval" onCheck={onCheck} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onCheck).toHaveBeenCalledTimes(1);
    rerender(<PreflightVerdict result={failed} mode="block" stage="approval" onCheck={onCheck} checking />);
    expect(screen.getByRole('button', { name: 'Checking…' }).hasAttribute('disabled')).toBe(true);
  });

  it('without a check says it is unknown, or that checks are off (and offers no button then)', () => {
    const { rerender } = render(<PreflightVerdict result={null} mode="block" stage="approval" onCheck={() => {}} />);
    expect(screen.getByText(/Not checked yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    rerender(<PreflightVerdict result={null} mode="off" stage="approval" onCheck={() => {}} />);
    expect(screen.getByText(/Pre-flight checks are off in this deployment/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
