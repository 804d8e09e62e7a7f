import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useUrlBackedText } from './use-url-backed-text';

/** Lets `ms` of (fake) time pass, running the debounce timers that fall due. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('a filter field backed by the URL', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('commits typed text once typing pauses, once', async () => {
    const commit = vi.fn<(text: string) => void>();
    const { result } = renderHook(({ url }) => useUrlBackedText(url, commit, 400), { initialProps: { url: '' } });
    act(() => result.current[1]('al'));
    await pass(200);
    act(() => result.current[1]('alice'));
    await pass(399);
    expect(commit).not.toHaveBeenCalled();
    await pass(1);
    expect(commit.mock.calls).toEqual([['alice']]);
    expect(result.current[0]).toBe('alice');
  });

  it('follows the URL when it changes elsewhere, without pushing the old text back', async () => {
    const commit = vi.fn<(text: string) => void>();
    const { result, rerender } = renderHook(({ url }) => useUrlBackedText(url, commit, 400), {
      initialProps: { url: 'alice' },
    });
    // Back, or a link that sets the filter: the field shows the URL's value, and nothing is committed.
    rerender({ url: 'bob' });
    expect(result.current[0]).toBe('bob');
    await pass(1000);
    expect(commit).not.toHaveBeenCalled();
    // Typing pending when the URL moves: the URL wins, the half-typed text is dropped.
    act(() => result.current[1]('carol'));
    await pass(100);
    rerender({ url: '' });
    await pass(1000);
    expect(result.current[0]).toBe('');
    expect(commit).not.toHaveBeenCalled();
  });
});

describe('typing on while the URL catches up', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps every character typed after a commit when the URL then shows the committed text', async () => {
    const commit = vi.fn<(text: string) => void>();
    const { result, rerender } = renderHook(({ url }) => useUrlBackedText(url, commit, 200), {
      initialProps: { url: '' },
    });
    act(() => result.current[1]('call'));
    await pass(200);
    expect(commit.mock.calls).toEqual([['call']]);
    // More keys arrive before the router shows the committed value.
    act(() => result.current[1]('callback'));
    rerender({ url: 'call' });
    expect(result.current[0]).toBe('callback');
    await pass(200);
    expect(commit.mock.calls).toEqual([['call'], ['callback']]);
    rerender({ url: 'callback' });
    expect(result.current[0]).toBe('callback');
  });
});
