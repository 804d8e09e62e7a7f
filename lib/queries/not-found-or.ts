import 'server-only';

import { notFound } from 'next/navigation';

import { UpstreamNotFound } from './server-fetch';

/** Awaits first-paint reads; if Fireblocks said one of them does not exist, the page answers 404 instead. */
export async function notFoundOr<T extends unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  try {
    return await Promise.all(reads);
  } catch (error) {
    if (error instanceof UpstreamNotFound) notFound();
    throw error;
  }
}
