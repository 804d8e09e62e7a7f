import { describe, expect, it } from 'vitest';

import { clearApprovalDraft, readApprovalDraft, saveApprovalDraft } from './approval-draft';

/** A Storage of our own: the node project has no window, and the module must not care whose storage it gets. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('approval drafts', () => {
  it('keeps what was typed per change, and forgets it when cleared', () => {
    const storage = new MemoryStorage();
    expect(saveApprovalDraft(storage, 'change-a', { typed: 'ab12cd' })).toBe(true);
    expect(readApprovalDraft(storage, 'change-a')).toEqual({ typed: 'ab12cd' });
    expect(readApprovalDraft(storage, 'change-b')).toBeNull();
    clearApprovalDraft(storage, 'change-a');
    expect(readApprovalDraft(storage, 'change-a')).toBeNull();
  });

  it('ignores what is not a draft of ours', () => {
    const storage = new MemoryStorage();
    storage.setItem('cosigner-console:approve:x', 'not json');
    expect(readApprovalDraft(storage, 'x')).toBeNull();
    storage.setItem('cosigner-console:approve:x', JSON.stringify({ typed: 42 }));
    expect(readApprovalDraft(storage, 'x')).toBeNull();
  });

  it('works without storage (blocked, or on the server)', () => {
    expect(saveApprovalDraft(undefined, 'x', { typed: 'abc' })).toBe(false);
    expect(readApprovalDraft(undefined, 'x')).toBeNull();
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    expect(saveApprovalDraft(full, 'x', { typed: 'abc' })).toBe(false);
  });
});
