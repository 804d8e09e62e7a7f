/**
 * Where "Back" goes after a change: the page of the cosigner's key list that holds the key, as the admin last saw
 * it in this tab (carried in sessionStorage, since Fireblocks cursors cannot be computed without walking the list),
 * with the key highlighted and a line saying what changed. Without a remembered page that holds the key, the list's
 * first page.
 */
const storageKey = (cosignerId: string) => `cosigner-console:key-list:${cosignerId}`;

interface RememberedPage {
  /** The list's query string (page size, order, cursor, history), without the filter. */
  qs: string;
  apiKeyIds: string[];
}

/** Query parameters the list reads once it is back: which row to mark, and that its handler was just updated. */
export const HIGHLIGHT_PARAM = 'highlight';
export const UPDATED_PARAM = 'updated';

export function rememberKeyListPage(cosignerId: string, qs: string, apiKeyIds: string[]): void {
  try {
    window.sessionStorage.setItem(storageKey(cosignerId), JSON.stringify({ qs, apiKeyIds } satisfies RememberedPage));
  } catch {
    // Storage full or refused (private mode): Back then goes to the first page; nothing else depends on it.
  }
}

function remembered(cosignerId: string): RememberedPage | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(cosignerId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as RememberedPage).qs === 'string' &&
      Array.isArray((parsed as RememberedPage).apiKeyIds)
    )
      return parsed as RememberedPage;
  } catch {
    // Unreadable: as if nothing was remembered.
  }
  return null;
}

/** The list page to go back to, with the key to highlight; the first page when the remembered one lacks the key. */
export function keyListReturnPath(cosignerId: string, apiKeyId: string, page: RememberedPage | null): string {
  const params = new URLSearchParams(page?.apiKeyIds.includes(apiKeyId) ? page.qs : '');
  params.delete('q');
  params.set(HIGHLIGHT_PARAM, apiKeyId);
  params.set(UPDATED_PARAM, '1');
  return `/cosigners/${encodeURIComponent(cosignerId)}?${params.toString()}`;
}

/** In the browser: the return path from what this tab remembers. */
export const rememberedKeyListReturnPath = (cosignerId: string, apiKeyId: string) =>
  keyListReturnPath(cosignerId, apiKeyId, remembered(cosignerId));
