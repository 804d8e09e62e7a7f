import { describe, expect, it } from 'vitest';

import { blockedAddressKind } from './host-address';
import { checkCallbackUrl } from './url-rules';

/** The kind the rules see for a URL as typed: the WHATWG parser first, as in the form and on the server. */
const kindOf = (typed: string) => blockedAddressKind(new URL(typed).hostname);

describe('blockedAddressKind: spellings that must still land in a refused range', () => {
  it.each([
    // Cloud metadata (169.254.169.254) in every shape the parser turns into it.
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://0251.0376.0251.0376/', 'link-local'],
    ['https://0xa9.0xfe.0xa9.0xfe/', 'link-local'],
    ['https://169.254.43518/', 'link-local'], // two trailing parts as one 16-bit number
    ['https://169.16689662/', 'link-local'], // three trailing parts as one 24-bit number
    ['https://%31%36%39.254.169.254/', 'link-local'], // percent-encoded digits
    ['https://１６９.２５４.１６９.２５４/', 'link-local'], // full-width digits, folded by the parser
    // IPv6 link-local and IPv4-mapped forms.
    ['https://[FE80::A]/', 'link-local'],
    ['https://[fe80:0000:0000:0000:0000:0000:0000:0001]/', 'link-local'],
    ['https://[fe9a::1]/', 'link-local'],
    ['https://[::ffff:169.254.169.254]/', 'link-local'],
    ['https://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'link-local'],
    ['https://[0000::FFFF:A9FE:0101]/', 'link-local'],
    // Unspecified, in the spellings the parser accepts.
    ['https://0x0.0/', 'unspecified'],
    ['https://0.0.0.0./', 'unspecified'],
    ['https://[0::0]/', 'unspecified'],
    ['https://[::ffff:0.1.2.3]/', 'unspecified'],
  ])('%s -> %s', (typed, kind) => {
    expect(kindOf(typed)).toBe(kind);
  });
});

describe('blockedAddressKind: what stays allowed, as before', () => {
  it.each([
    // Private and shared ranges: a Co-Signer's handler usually sits in the same private network.
    'https://10.1.2.3/',
    'https://172.16.0.1/',
    'https://192.168.1.1/',
    'https://100.64.0.1/',
    'https://[fd00:ec2::254]/', // unique local (AWS's IPv6 metadata address): reachable only inside that network
    'https://[::ffff:10.0.0.1]/',
    // Loopback: only http to it is restricted (url-rules.ts), not the address.
    'https://127.0.0.1/',
    'https://[::1]/',
    // Neighbours of the refused ranges.
    'https://169.253.255.255/',
    'https://169.255.0.0/',
    'https://[fec0::]/',
    'https://[fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff]/',
    'https://[::a9fe:a9fe]/', // IPv4-compatible (deprecated), not mapped: not the IPv4 address
    'https://[::fffe:a9fe:a9fe]/',
    'https://[64:ff9b::a9fe:a9fe]/', // NAT64 of 169.254.169.254: the gateway's own network, not the Co-Signer's
    // Names, however they look.
    'https://169.254.169.254.nip.io/',
    'https://fe80.example.com/',
    'https://0.0.0.0.example.com/',
  ])('%s -> null', (typed) => {
    expect(kindOf(typed)).toBeNull();
  });

  it('reads IPv4 only as the dotted quad the URL parser writes; a zone id never gets that far', () => {
    expect(blockedAddressKind('0xa9fe0101')).toBeNull();
    expect(blockedAddressKind('2852039166')).toBeNull();
    // Were one to arrive, an address with a zone id is still the link-local address it names.
    expect(blockedAddressKind('[fe80::1%eth0]')).toBe('link-local');
    expect(() => new URL('https://[fe80::1%25eth0]/')).toThrow();
    expect(checkCallbackUrl('https://[fe80::1%25eth0]/', { allowLoopbackHttp: false })).toMatch(/Enter a full URL/);
  });
});
