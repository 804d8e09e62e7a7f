'use client';

import { useEffect, useRef, useState } from 'react';

export interface ThrottledRetryProps {
  /** Seconds Fireblocks asked the console to wait (the answer's Retry-After). */
  seconds: number;
  onRetry: () => void;
}

/**
 * Fireblocks is throttling the console's API user: every caller of this replica waits the same Retry-After, so the
 * page counts it down and retries by itself at zero rather than asking the user to press Retry into the limit.
 * Mounted afresh per failed answer (keyed by its request id), so a second 429 starts a new countdown.
 */
export function ThrottledRetry({ seconds, onRetry }: ThrottledRetryProps) {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const retried = useRef(false);

  useEffect(() => {
    if (left === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [left]);

  useEffect(() => {
    if (left > 0 || retried.current) return;
    retried.current = true;
    onRetry();
  }, [left, onRetry]);

  return (
    <p>
      {/* The ticking number is for the eye; a screen reader hears the sentence once, not a tick a second. */}
      <span aria-hidden="true">
        Fireblocks is rate-limiting this console; {left > 0 ? `retrying in ${left} s` : 'retrying now'}
      </span>
      <span className="sr-only">
        Fireblocks is rate-limiting this console; retrying automatically in {seconds} seconds.
      </span>
    </p>
  );
}
