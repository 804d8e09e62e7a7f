'use client';

import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { createFocusTrap } from 'focus-trap';

import { cn } from './cn';

export interface ModalDialogProps {
  title: ReactNode;
  description?: ReactNode;
  /** Escape (the native `cancel`) and the caller's Cancel button; not called while `busy`. */
  onClose: () => void;
  /** A request is on its way: Escape does nothing (it may already have reached the server). */
  busy?: boolean;
  /** The field to start in; else the browser's choice (the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes when the dialog goes away; else the element focused when it opened. */
  returnFocus?: RefObject<HTMLElement | null>;
  /** The dialog is a form: Enter in a field submits it. */
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void;
  /** The body, scrolled when taller than the screen. */
  children?: ReactNode;
  /** The buttons, always in view below the body. */
  actions: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** `alertdialog` for a question that interrupts (leaving a form, signing out soon). */
  role?: 'dialog' | 'alertdialog';
}

const WIDTH = { sm: 'max-w-md', md: 'max-w-lg', lg: 'max-w-3xl' } as const;

/**
 * The app's one modal: a native <dialog> opened with showModal(), which makes the rest of the page inert and turns
 * Escape into a `cancel` event. Inert is not a cycle: Tab from the last control leaves for the browser's own UI (and
 * <body>) before coming back, so focus-trap (the trap behind most dialog libraries) keeps Tab and Shift+Tab going
 * round the dialog's controls, nested dialogs included. Mounted means open; the caller unmounts it to close, and focus
 * goes back to where the user was (React removes the element, so the browser's own restore cannot be relied on).
 */
export function ModalDialog({
  title,
  description,
  onClose,
  busy = false,
  initialFocus,
  returnFocus,
  onSubmit,
  children,
  actions,
  size = 'md',
  role = 'dialog',
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const back = returnFocus?.current ?? opener;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element, which may be a copy button above the field that matters.
    initialFocus?.current?.focus();
    // Escape, outside clicks and the focus to restore stay the dialog's (above and below); the trap only cycles Tab.
    const trap = dialog
      ? createFocusTrap(dialog, {
          initialFocus: false,
          fallbackFocus: dialog,
          escapeDeactivates: false,
          allowOutsideClick: true,
          returnFocusOnDeactivate: false,
        }).activate()
      : null;
    return () => {
      trap?.deactivate();
      dialog?.close();
      if (back?.isConnected) back.focus();
    };
    // Refs are stable: this runs once per opening.
  }, [initialFocus, returnFocus]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
        WIDTH[size],
      )}
    >
      <form
        method="dialog"
        noValidate
        className="flex max-h-[90dvh] flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.(e);
        }}
      >
        <div className="space-y-4 overflow-y-auto p-5">
          <div>
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              {title}
            </h2>
            {description && (
              <div id={`${id}-desc`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {description}
              </div>
            )}
          </div>
          {children}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
          {actions}
        </div>
      </form>
    </dialog>
  );
}
