'use client';

import { useSyncExternalStore, type ReactNode } from 'react';
import { useTheme } from 'next-themes';

const ORDER = ['system', 'light', 'dark'] as const;
type Choice = (typeof ORDER)[number];
const NAMES = { system: 'System', light: 'Light', dark: 'Dark' } as const;

const noop = () => () => {};

type ThemeChoice = (typeof ORDER)[number];

export interface ThemeToggleProps {
  /** Icons rendered by a Server Component and passed in, so their code never ships to the browser. */
  icons: Record<ThemeChoice, ReactNode>;
}

/** Cycles System → Light → Dark. The theme is only known in the browser, so the server renders "System". */
export function ThemeToggle({ icons }: ThemeToggleProps) {
  const { theme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const current: Choice = hydrated && (theme === 'light' || theme === 'dark') ? theme : 'system';
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? 'system';
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Theme: ${NAMES[current]}. Switch to ${NAMES[next]}`}
      title={`Theme: ${NAMES[current]} (click for ${NAMES[next]})`}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      {icons[current]}
    </button>
  );
}
