import { describe, expect, it } from 'vitest';

import { describeChange, hostOf } from './handler-diff';

const before = { url: 'https://cb.example.com/handler', mode: 'publicKey' as const, keyHash: 'aa11' };

describe('hostOf', () => {
  it('keeps the port and lowercases', () => {
    expect(hostOf('https://CB.Example.com:8443/x')).toBe('cb.example.com:8443');
    expect(hostOf('not a url')).toBeNull();
  });
});

describe('describeChange', () => {
  it('sees a path-only change as a URL change on the same host', () => {
    const c = describeChange(before, { ...before, url: 'https://cb.example.com/v2' });
    expect(c).toMatchObject({ urlChanged: true, hostChanged: false, modeSwitch: null, keyChanged: false });
  });

  it('flags a new host, including a port change', () => {
    expect(describeChange(before, { ...before, url: 'https://evil.example.net/handler' })).toMatchObject({
      hostChanged: true,
      beforeHost: 'cb.example.com',
      afterHost: 'evil.example.net',
    });
    expect(describeChange(before, { ...before, url: 'https://cb.example.com:444/handler' }).hostChanged).toBe(true);
  });

  it('calls out a switch between public key and certificate', () => {
    const c = describeChange(before, { url: before.url, mode: 'cert', keyHash: 'bb22' });
    expect(c.modeSwitch).toEqual({ from: 'publicKey', to: 'cert' });
    expect(c.keyChanged).toBe(true);
    expect(c.urlChanged).toBe(false);
  });

  it('treats a key with no handler as a switch from none with every part new', () => {
    const c = describeChange(null, { url: 'https://a.example.com', mode: 'publicKey', keyHash: 'cc' });
    expect(c).toMatchObject({
      urlChanged: true,
      hostChanged: true,
      beforeHost: null,
      modeSwitch: { from: 'none', to: 'publicKey' },
      keyChanged: null,
    });
  });

  it('compares key hashes case-insensitively and says unknown when one is missing', () => {
    expect(describeChange(before, { ...before, keyHash: 'AA11' }).keyChanged).toBe(false);
    expect(describeChange(before, { url: before.url, mode: 'publicKey' }).keyChanged).toBeNull();
  });
});
