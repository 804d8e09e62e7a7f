import { describe, expect, it } from 'vitest';

import { inspectBodyOf, sameInspectBody } from './inspect-body';

describe('inspectBodyOf', () => {
  it('asks nothing for an empty form', () => {
    expect(inspectBodyOf('  ', 'publicKey', '\n')).toBeNull();
  });
  it('sends the PEM under the chosen kind only', () => {
    expect(inspectBodyOf('https://a.example.com ', 'cert', 'PEM')).toEqual({
      url: 'https://a.example.com',
      cert: 'PEM',
    });
    expect(inspectBodyOf('', 'publicKey', 'PEM')).toEqual({ publicKey: 'PEM' });
    expect(inspectBodyOf('https://a.example.com', 'publicKey', '')).toEqual({ url: 'https://a.example.com' });
  });
  it('compares bodies by content', () => {
    expect(sameInspectBody(inspectBodyOf('u', 'cert', 'p'), inspectBodyOf('u', 'cert', 'p'))).toBe(true);
    expect(sameInspectBody(inspectBodyOf('u', 'cert', 'p'), inspectBodyOf('u', 'publicKey', 'p'))).toBe(false);
    expect(sameInspectBody(null, null)).toBe(true);
    expect(sameInspectBody(null, inspectBodyOf('u', 'cert', ''))).toBe(false);
  });
});
