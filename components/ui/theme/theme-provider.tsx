'use client';

import type { ReactNode } from 'react';
import { ThemeProvider as NextThemesProvider } from 'next-themes';

export interface ThemeProviderProps {
  children: ReactNode;
  /** The CSP nonce of this response: next-themes injects an inline script that must carry it. */
  nonce?: string;
}

/** Dark mode on a `dark` class, following the system until the user picks a theme with the toggle. */
export function ThemeProvider({ children, nonce }: ThemeProviderProps) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
