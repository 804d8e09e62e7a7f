'use client';

import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (so the inspection runs when typing pauses, not per key). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
