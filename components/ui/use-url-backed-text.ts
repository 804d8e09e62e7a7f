'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A text field whose value lives in the URL: typed into local state (every keystroke stays, whatever the URL does),
 * committed (`commit`) once typing pauses for `ms`, and reset from the URL when it changes elsewhere (Back, a link
 * that sets the filter), which also drops a commit still pending. The URL arriving at the value this field
 * committed is not "elsewhere": the typing that went on since is kept. Only typing commits, so a URL that moved on
 * is never pushed back to old text.
 */
export function useUrlBackedText(
  urlValue: string,
  commit: (text: string) => void,
  ms = 400,
): [string, (text: string) => void] {
  const [text, setTextState] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const [committed, setCommitted] = useState<string | null>(null);
  // Counts moves of the URL made elsewhere; a commit scheduled before one is stale.
  const [moves, setMoves] = useState(0);
  if (urlValue !== seen) {
    setSeen(urlValue);
    setCommitted(null);
    if (urlValue !== committed) {
      setTextState(urlValue);
      setMoves(moves + 1);
    }
  }

  const live = useRef({ moves, urlValue, commit });
  useEffect(() => {
    live.current = { moves, urlValue, commit };
  });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      window.clearTimeout(timer.current);
      const movesAtTyping = live.current.moves;
      timer.current = window.setTimeout(() => {
        const now = live.current;
        if (now.moves !== movesAtTyping || next === now.urlValue) return;
        setCommitted(next);
        now.commit(next);
      }, ms);
    },
    [ms],
  );
  return [text, setText];
}
