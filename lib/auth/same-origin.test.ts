import { describe, expect, it } from 'vitest';

import { isSameOriginRequest } from './same-origin';

const APP = new URL('https://console.example.com');
const check = (h: Record<string, string>) => isSameOriginRequest(new Headers(h), APP);

describe('isSameOriginRequest', () => {
  it('accepts Sec-Fetch-Site: same-origin', () => {
    expect(check({ 'sec-fetch-site': 'same-origin' })).toBe(true);
  });
  it('accepts an exact Origin match when Sec-Fetch-Site is absent', () => {
    expect(check({ origin: 'https://console.example.com' })).toBe(true);
  });
  it.each([
    [{}],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'none' }],
    // A browser's Sec-Fetch-Site outranks an Origin it also sent.
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://console.example.com' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'https://console.example.com.evil.example' }],
    [{ origin: 'http://console.example.com' }],
    [{ origin: 'https://console.example.com:8443' }],
    [{ origin: 'null' }],
    [{ referer: 'https://console.example.com/cosigners' }],
  ])('refuses %j', (h) => {
    expect(check(h)).toBe(false);
  });
});
