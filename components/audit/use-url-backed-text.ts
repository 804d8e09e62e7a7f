'use client';

import { useEffect, useRef, useState } from 'react';

import { useDebouncedValue } from '@/components/callback-handler/use-debounced-value';

/**
 * A text field whose value lives in the URL: typed into local state, committed (`commit`) once typing pauses, and
 * reset from the URL when it changes elsewhere (Back, a link that sets the filter). Only a change of the typed
 * text commits, so a URL that moved on is never pushed back to what was typed before.
 */
export function useUrlBackedText(
  urlValue: string,
  commit: (text: string) => void,
  ms = 400,
): [string, (text: string) => void] {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    setText(urlValue);
  }
  const debounced = useDebouncedValue(text, ms);
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced !== urlValue) commit(debounced);
  }, [debounced, urlValue, commit]);
  return [text, setText];
}
