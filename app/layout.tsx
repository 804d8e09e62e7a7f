import type { ReactNode } from 'react';
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';

import { ThemeProvider } from '@/components/ui/theme/theme-provider';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Cosigner Console', template: '%s · Cosigner Console' },
  description: 'Browse Fireblocks API Co-signers and change their callback handlers safely.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

/** Root layout: theme only. The CSP nonce from proxy.ts goes to next-themes' inline script. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // next-themes sets the class on <html> before hydration; the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <ThemeProvider nonce={nonce}>{children}</ThemeProvider>
      </body>
    </html>
  );
}
