import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { toApiError } from '@/lib/queries/api-error';

import { ErrorState } from './error-state';

const throttled = (requestId: string, retryAfter: string) =>
  toApiError(
    429,
    { error: { code: 'upstream_throttled', message: 'Fireblocks is rate-limiting this console', requestId } },
    null,
    retryAfter,
  );

describe('ErrorState while Fireblocks throttles the console', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts the Retry-After down and retries by itself at zero, once', () => {
    const onRetry = vi.fn();
    render(<ErrorState title="Could not load cosigners" error={throttled('r1', '3')} onRetry={onRetry} />);
    expect(screen.getByText('Fireblocks is rate-limiting this console; retrying in 3 s')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(1_100));
    expect(screen.getByText('Fireblocks is rate-limiting this console; retrying in 2 s')).toBeTruthy();
    expect(onRetry).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(2_100));
    expect(onRetry).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(5_000));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('starts a new countdown for the next throttled answer', () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorState title="t" error={throttled('r1', '1')} onRetry={onRetry} />);
    act(() => void vi.advanceTimersByTime(1_300));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<ErrorState title="t" error={throttled('r2', '2')} onRetry={onRetry} />);
    expect(screen.getByText('Fireblocks is rate-limiting this console; retrying in 2 s')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(2_300));
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it("shows the console's own rate limit as a plain error, with no automatic retry", () => {
    const onRetry = vi.fn();
    const error = toApiError(429, { error: { code: 'rate_limited', message: 'Too many changes.' } }, null, '30');
    render(<ErrorState title="t" error={error} onRetry={onRetry} />);
    expect(screen.getByText('Too many changes.')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(31_000));
    expect(onRetry).not.toHaveBeenCalled();
  });
});
