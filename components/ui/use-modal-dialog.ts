'use client';

import { useEffect, useRef } from 'react';

/** A native <dialog> shown modal while mounted (focus trapped, the page inert behind it) and closed on unmount. */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
