import { cn } from './cn';

/** Text inputs and textareas, red-ringed when invalid (the message beside them says why). */
export function inputClass(invalid: boolean, extra?: string): string {
  return cn(
    'w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-500 dark:bg-zinc-950 dark:placeholder:text-zinc-400',
    invalid ? 'border-red-500 dark:border-red-500' : 'border-zinc-300 dark:border-zinc-700',
    extra,
  );
}

export const labelClass = 'block text-sm font-medium text-zinc-900 dark:text-zinc-100';
export const hintClass = 'text-xs text-zinc-600 dark:text-zinc-400';
export const errorClass = 'text-sm text-red-700 dark:text-red-400';
