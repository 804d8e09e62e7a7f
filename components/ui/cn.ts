import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names, skipping falsy ones, and lets a later Tailwind class win over an earlier one of the same kind
 * (`cn('text-zinc-700', 'text-red-700')` is red), so a caller's `className` really overrides a component's default.
 */
export function cn(...parts: ClassValue[]): string {
  return twMerge(clsx(parts));
}
