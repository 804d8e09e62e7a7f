import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { UrlWithHost } from './url-with-host';

import { Fingerprint, FingerprintCode } from './fingerprint';

const SHA256 = '0123456789abcdef'.repeat(4);

describe('a fingerprint on screen', () => {
  it('shows every pair, with a line break allowed only after a colon', () => {
    const { container } = render(<FingerprintCode value={SHA256} />);
    const code = container.querySelector('code');
    expect(code?.textContent).toBe('01:23:45:67:89:AB:CD:EF:'.repeat(4).slice(0, -1));
    expect(code?.querySelectorAll('wbr')).toHaveLength(31);
    for (const wbr of code?.querySelectorAll('wbr') ?? [])
      expect(wbr.previousSibling?.textContent).toMatch(/^[0-9A-F]{2}:$/);
    // One text node per pair, no React text separators: the key page shows several of these.
    expect([...(code?.childNodes ?? [])].map((n) => n.nodeName)).toEqual([
      ...Array.from({ length: 31 }, () => ['#text', 'WBR']).flat(),
      '#text',
    ]);
  });

  it('elides the middle in the short form, which does not wrap, with the full form in its tooltip', () => {
    const { container } = render(<FingerprintCode value={SHA256} form="short" />);
    const code = container.querySelector('code');
    expect(code?.textContent).toBe('01:23:45:67…89:AB:CD:EF');
    // The short form's no-wrap style (fingerprint.module.css).
    expect(code?.className).toMatch(/short/);
    expect(code?.getAttribute('title')).toBe('01:23:45:67:89:AB:CD:EF:'.repeat(4).slice(0, -1));
  });

  it('has a copy button named as asked', () => {
    render(<Fingerprint value={SHA256} copyLabel="Copy SHA-256 fingerprint" />);
    expect(screen.getByRole('button', { name: 'Copy SHA-256 fingerprint' })).toBeTruthy();
  });
});

describe('a URL on screen', () => {
  it('keeps the host on one line and allows a break before it (after the scheme) and after it', () => {
    const { container } = render(<UrlWithHost url="https://callbacks.example.com:8443/v1/handler?x=1" />);
    const outer = container.firstElementChild;
    expect(outer?.textContent).toBe('https://callbacks.example.com:8443/v1/handler?x=1');
    // The host is the element between the two break opportunities (its one-line style is in a CSS module).
    const host = outer?.querySelector('wbr + span');
    expect(host?.textContent).toBe('callbacks.example.com:8443');
    expect(host?.previousSibling?.nodeName).toBe('WBR');
    expect(host?.nextSibling?.nodeName).toBe('WBR');
  });

  it('lets a host wrap only after its dots, one text node per label (a row of the keys table has one)', () => {
    const { container } = render(<UrlWithHost url="https://callbacks.treasury.example/cb" />);
    const host = container.querySelector('wbr + span');
    expect(host?.textContent).toBe('callbacks.treasury.example');
    expect([...(host?.childNodes ?? [])].map((n) => (n.nodeName === '#text' ? n.textContent : n.nodeName))).toEqual([
      'callbacks.',
      'WBR',
      'treasury.',
      'WBR',
      'example',
    ]);
  });
});
