import { describe, expect, it } from 'vitest';

import { changeTitle, cosignerTitle, editKeyTitle, keyTitle } from './page-titles';

describe('page titles', () => {
  it('name what is open', () => {
    expect(cosignerTitle('Treasury SGX')).toBe('Treasury SGX · Cosigners');
    expect(keyTitle('5f0e7c1a-0000-4000-8000-00000abc123', 'Treasury SGX')).toBe('Key …abc123 · Treasury SGX');
    expect(editKeyTitle('5f0e7c1a-0000-4000-8000-00000abc123', 'Treasury SGX')).toBe('Edit key …abc123 · Treasury SGX');
    expect(changeTitle('7dfd72e4-1111-4222-8333-444455556666')).toBe('Change · 7dfd72');
  });

  it('fall back to a generic name when the cosigner could not be read', () => {
    expect(cosignerTitle(null)).toBe('Cosigner · Cosigners');
    expect(keyTitle('abcdef123456', null)).toBe('Key …123456 · Cosigner');
  });
});
