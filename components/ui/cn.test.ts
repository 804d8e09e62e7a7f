import { describe, expect, it } from 'vitest';

import { cn } from './cn';

describe('cn', () => {
  it('lets a later Tailwind class override an earlier one of the same kind', () => {
    expect(cn('text-zinc-700', 'text-red-700')).toBe('text-red-700');
    expect(cn('px-3 py-2', 'px-4')).toBe('py-2 px-4');
    expect(cn('text-zinc-700 dark:text-zinc-300', 'dark:text-red-200')).toBe('text-zinc-700 dark:text-red-200');
  });
  it('keeps classes of different kinds and skips falsy parts', () => {
    expect(cn('rounded-md border', false, null, undefined, 'text-sm')).toBe('rounded-md border text-sm');
    expect(cn('text-sm', 'text-red-700')).toBe('text-sm text-red-700');
  });
});
