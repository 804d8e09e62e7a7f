import { cn } from './cn';

const base =
  'inline-flex items-center justify-center gap-1.5 rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50';

/**
 * A disabled filled button turns grey rather than only fading: a faded indigo on a dark page still read as
 * pressable.
 */
const disabledFilled =
  'disabled:bg-zinc-200 disabled:text-zinc-500 disabled:shadow-none disabled:opacity-100 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-500';

const variants = {
  primary: cn(
    'bg-indigo-600 text-white shadow-sm hover:bg-indigo-700 dark:bg-indigo-500 dark:text-white dark:hover:bg-indigo-400',
    disabledFilled,
  ),
  secondary:
    'border border-zinc-300 bg-white text-zinc-800 shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
  ghost: 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
  danger: cn('bg-red-600 text-white shadow-sm hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-500', disabledFilled),
} as const;

const sizes = { sm: 'h-8 px-2.5', md: 'h-9 px-3.5', icon: 'h-8 w-8' } as const;

export interface ButtonStyleOptions {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  className?: string;
}

/** Class names for a button or a link styled as one, so both share a look without a component per case. */
export function buttonClass({ variant = 'secondary', size = 'md', className }: ButtonStyleOptions = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}
