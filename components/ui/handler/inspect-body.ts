import type { InspectCallbackHandlerBody } from '@/lib/callback-handler/callback-handler-schemas';

/** What to ask the inspection about: only what has been entered; null when nothing has. */
export function inspectBodyOf(url: string, mode: 'publicKey' | 'cert', pem: string): InspectCallbackHandlerBody | null {
  const u = url.trim();
  const p = pem.trim() ? pem : undefined;
  if (!u && !p) return null;
  return { ...(u ? { url: u } : {}), ...(p ? { [mode]: p } : {}) };
}

/** Whether two bodies ask the same question (the debounced one has caught up with the form). */
export function sameInspectBody(a: InspectCallbackHandlerBody | null, b: InspectCallbackHandlerBody | null): boolean {
  return a?.url === b?.url && a?.publicKey === b?.publicKey && a?.cert === b?.cert && (a === null) === (b === null);
}
