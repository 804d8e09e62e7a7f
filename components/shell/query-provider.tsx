'use client';

import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';

import { getQueryClient } from '@/lib/queries/get-query-client';

export interface QueryProviderProps {
  children: ReactNode;
}

/** React Query for the signed-in area only; the public landing page ships without it. */
export function QueryProvider({ children }: QueryProviderProps) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
