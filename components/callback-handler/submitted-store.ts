'use client';

import { useSyncExternalStore } from 'react';

import type { SubmittedHandler } from './handler-match';

/** What the tab remembers about a request it sent, so a reload can still say whether the result matches. */
export interface SubmittedRecord {
  submitted: SubmittedHandler;
  fireblocksRequestId?: string;
}

const keyFor = (requestId: string) => `cosigner-console:request:${requestId}`;

/** Kept in sessionStorage: this tab only, gone when it closes; holds only public material (URL, public key, hashes). */
export function saveSubmitted(requestId: string, record: SubmittedRecord): void {
  try {
    window.sessionStorage.setItem(keyFor(requestId), JSON.stringify(record));
  } catch {
    // Storage full or disabled: the tracker then says it cannot compare, which is honest.
  }
}

const noSubscribe = () => () => {};

function read(requestId: string): string | null {
  try {
    return window.sessionStorage.getItem(keyFor(requestId));
  } catch {
    return null;
  }
}

/** The stored record for a request, or null (another tab, or storage unavailable). Null during server render. */
export function useSubmitted(requestId: string): SubmittedRecord | null {
  const raw = useSyncExternalStore(noSubscribe, () => read(requestId), () => null);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SubmittedRecord;
  } catch {
    return null;
  }
}
