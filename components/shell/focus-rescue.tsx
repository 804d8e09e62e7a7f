'use client';

import { useEffect } from 'react';

/**
 * When the element that had focus leaves the page (the dialog's submit button once the change is recorded and the
 * change page opens, an Approve button once the change is approved, a link whose page replaced this one), focus would
 * fall to <body> and a keyboard or screen-reader user would start again from the top. It goes to the page's heading
 * instead: the result is what they read next. A page load or a click on plain text moves nothing.
 */
export function FocusRescue() {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
    };
    const rescue = () => {
      if (!last || last.isConnected) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    };
    // Removal fires no focus event in every browser; a DOM change is when it can have happened.
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  return null;
}
