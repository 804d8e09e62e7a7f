import { describe, expect, it } from 'vitest';

import { blockedAddressKind } from './host-address';
import { checkCallbackUrl, correctedCallbackUrl, normalizeCallbackUrl } from './url-rules';

const strict = { allowLoopbackHttp: false };
const check = (url: string) => checkCallbackUrl(url, strict);

// Each as typed into the form; the parsed hostname is what the rule sees (shown for the numeric spellings).
const LINK_LOCAL = [
  'https://169.254.1.1/cb',
  'https://169.254.169.254/latest/meta-data',
  'https://2852039166/cb', // 169.254.169.254 in decimal
  'https://0xa9fe0101/cb', // hex
  'https://0xA9.0xFE.1.1/cb', // hex per part
  'https://0251.0376.01.01/cb', // octal
  'https://169.254.1/cb', // short form: 169.254.0.1
  'https://169.254.1.1./cb', // trailing dot
  'https://[fe80::1]/cb',
  'https://[FE80:0:0:0:0:0:0:1]:8443/cb',
  'https://[febf:ffff::1]/cb', // the top of fe80::/10
  'https://[::ffff:169.254.1.1]/cb', // IPv4-mapped, dotted
  'https://[::ffff:a9fe:101]/cb', // IPv4-mapped, hex
];
const UNSPECIFIED = [
  'https://0.0.0.0/cb',
  'https://0/cb',
  'https://0x0/cb',
  'https://0.1.2.3/cb',
  'https://[::]/cb',
  'https://[0:0:0:0:0:0:0:0]/cb',
  'https://[::ffff:0.0.0.0]/cb',
];

describe('checkCallbackUrl: addresses a Co-Signer can never call', () => {
  it.each(LINK_LOCAL)('refuses link-local %s', (url) => {
    expect(check(url)).toMatch(/link-local address \(169\.254\.x\.x or fe80::\).*routable address or host name/);
  });

  it.each(UNSPECIFIED)('refuses unspecified %s', (url) => {
    expect(check(url)).toMatch(/0\.0\.0\.0 .*and :: are not addresses a handler can be called at/);
  });

  it.each(['https://callbacks.example.com:0/cb', 'https://callbacks.example.com:00/cb', 'https://[2001:db8::1]:0/cb'])(
    'refuses port 0: %s',
    (url) => {
      expect(check(url)).toMatch(/Port 0 is not a port/);
    },
  );

  it.each([
    'https://callbacks.example.com/cb',
    'https://callbacks.example.com:8443/cb',
    'https://10.0.0.5/cb',
    'https://169.253.255.255/cb',
    'https://169.255.0.1/cb',
    'https://1.0.0.0/cb',
    'https://[fec0::1]/cb', // just above fe80::/10
    'https://[fe7f::1]/cb',
    'https://[2001:db8::1]/cb',
    'https://[::ffff:a9ff:101]/cb', // mapped 169.255.1.1
    'https://169-254-1-1.example.com/cb',
    'https://0.example.com/cb',
  ])('still accepts %s', (url) => {
    expect(check(url)).toBeNull();
  });

  it('refuses link-local even as http while the simulator is the upstream (only loopback is allowed there)', () => {
    expect(checkCallbackUrl('http://169.254.1.1/cb', { allowLoopbackHttp: true })).toMatch(/https/);
    expect(checkCallbackUrl('https://[fe80::1]/cb', { allowLoopbackHttp: true })).toMatch(/link-local/);
  });
});

describe('blockedAddressKind reads hostnames as URL leaves them', () => {
  it.each([
    ['169.254.0.0', 'link-local'],
    ['169.254.255.255', 'link-local'],
    ['[fe80::]', 'link-local'],
    ['[::ffff:a9fe:101]', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['[::]', 'unspecified'],
    ['[::ffff:0:0]', 'unspecified'],
    ['[::1]', null],
    ['127.0.0.1', null],
    ['[::a9fe:101]', null], // IPv4-compatible (deprecated), not mapped: not the IPv4 address
    ['example.com', null],
    ['[not:an:address::x]', null],
  ])('%s -> %s', (host, kind) => {
    expect(blockedAddressKind(host)).toBe(kind);
  });
});

describe('checkCallbackUrl: what the approver sees is what is sent', () => {
  it.each([
    ['a soft hyphen', 'https://callbacks.exam\u00ADple.com/cb', /U\+00AD, a soft hyphen/],
    ['a zero-width space', 'https://callbacks.example.com/c\u200Bb', /U\+200B, a zero-width space/],
    ['a zero-width joiner', 'https://callbacks\u200D.example.com/cb', /U\+200D, a zero-width joiner/],
    ['a byte order mark', '\uFEFFhttps://callbacks.example.com/cb', /U\+FEFF/],
    ['a right-to-left override', 'https://callbacks.example.com/\u202Ebc', /U\+202E, a right-to-left or left-to-right/],
    ['a right-to-left isolate', 'https://\u2067callbacks.example.com/cb', /U\+2067/],
    ['a left-to-right mark', 'https://callbacks.example.com/cb\u200E', /U\+200E/],
  ])('refuses an invisible character: %s', (_name, url, message) => {
    const text = check(url);
    expect(text).toMatch(/invisible character/);
    expect(text).toMatch(message);
  });

  it.each([
    ['full-width letters', 'https://ｃallbacks.example.com/cb', /U\+FF43/],
    ['an IDN host written in Unicode', 'https://bücher.example/cb', /U\+00FC/],
    ['a Cyrillic look-alike', 'https://саllbacks.example.com/cb', /U\+0441/],
    ['an emoji in the path', 'https://callbacks.example.com/🔑', /U\+1F511/],
  ])('refuses non-ASCII (%s), pointing to punycode', (_name, url, codePoint) => {
    const text = check(url);
    expect(text).toMatch(/plain ASCII/);
    expect(text).toMatch(/punycode/);
    expect(text).toMatch(codePoint);
  });

  it('accepts an IDN host in its punycode form', () => {
    expect(check('https://xn--bcher-kva.example/cb')).toBeNull();
  });

  it.each(['https://callbacks.example.com\\evil.example/cb', 'https:\\\\callbacks.example.com/cb'])(
    'refuses a backslash: %s',
    (url) => {
      expect(check(url)).toMatch(/not \\/);
    },
  );

  it.each(['https:callbacks.example.com/cb', 'https:/callbacks.example.com/cb', 'https:///callbacks.example.com/cb'])(
    'refuses a URL without // before its host: %s',
    (url) => {
      expect(check(url)).toMatch(/two slashes after the scheme/);
    },
  );
});

describe('normalizeCallbackUrl', () => {
  it.each([
    ['HTTPS://Callbacks.Example.COM:443/fireblocks', 'https://callbacks.example.com/fireblocks'],
    ['https://callbacks.example.com/a/../fireblocks/./cb', 'https://callbacks.example.com/fireblocks/cb'],
    ['https://callbacks.example.com', 'https://callbacks.example.com/'],
    ['https://0x0a000005:8443/cb', 'https://10.0.0.5:8443/cb'],
    ['https://callbacks.example.com/a%7eb?x=1', 'https://callbacks.example.com/a%7eb?x=1'],
    ['https://xn--bcher-kva.example/cb', 'https://xn--bcher-kva.example/cb'],
  ])('%s -> %s, and again gives the same', (typed, href) => {
    expect(check(typed)).toBeNull();
    expect(normalizeCallbackUrl(typed)).toBe(href);
    expect(normalizeCallbackUrl(href)).toBe(href);
  });
});

describe('a URL that already ends in a Co-Signer route', () => {
  it.each([
    ['https://h.example.com/fireblocks/v2/tx_sign_request', '/v2/tx_sign_request', 'https://h.example.com/fireblocks'],
    ['https://H.example.com/fireblocks/tx_sign_request/', '/tx_sign_request', 'https://h.example.com/fireblocks'],
    ['https://h.example.com/v2/config_change_sign_request', '/v2/config_change_sign_request', 'https://h.example.com/'],
    ['https://h.example.com:443/cb/v2/tx_sign_request?t=1', '/v2/tx_sign_request', 'https://h.example.com/cb?t=1'],
  ])('refuses %s, and corrects it to the URL the form would send', (url, route, corrected) => {
    expect(check(url)).toContain(`already ends in ${route}`);
    expect(correctedCallbackUrl(url)).toBe(corrected);
    // The correction is already normalised: the form, the inspection and the findings all spell it this way.
    expect(normalizeCallbackUrl(corrected)).toBe(corrected);
    expect(check(corrected)).toBeNull();
  });

  it('offers no correction for a URL without a route, or with user-info', () => {
    expect(correctedCallbackUrl('https://h.example.com/fireblocks')).toBeNull();
    expect(correctedCallbackUrl('https://u:p@h.example.com/v2/tx_sign_request')).toBeNull();
    expect(correctedCallbackUrl('not a url')).toBeNull();
  });
});
