'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** The search boxes for keys and cosigners: the header's (wide screens) and the search page's own. */
const BOX = 'form[role="search"][aria-label="Keys and cosigners"] input[type="search"]';

const visibleBox = () =>
  [...document.querySelectorAll<HTMLInputElement>(BOX)].find((el) => el.getClientRects().length > 0) ?? null;

/** Where "/" types a character rather than jumps: fields, and anything inside an open dialog. */
const typingOrInDialog = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, dialog[open]') !== null);

/**
 * "/" focuses search, as on GitHub and most consoles: the visible box, or on a small screen (no box in the header)
 * the search page, focused once it is there. Never while typing in a field or inside a dialog.
 */
export function SearchShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (typingOrInDialog(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const box = visibleBox();
      if (box) {
        box.focus();
        box.select();
        return;
      }
      router.push('/search');
      // The page's box once it has rendered (a few frames, or a server round trip).
      const until = Date.now() + 10_000;
      const focusWhenThere = () => {
        const there = visibleBox();
        if (there) there.focus();
        else if (Date.now() < until) requestAnimationFrame(focusWhenThere);
      };
      requestAnimationFrame(focusWhenThere);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [router]);
  return null;
}
