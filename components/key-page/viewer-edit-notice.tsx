import { Info } from 'lucide-react';

import type { SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';

/** The query the edit page adds when it sends a viewer to the key page. */
export const VIEWER_EDIT_PARAM = 'from=edit';

export const isViewerEditRedirect = (params: SearchParamsRecord) => params.from === 'edit';

/**
 * Said on the key page to a viewer who opened a key's edit URL (a shared link, a bookmark) and was brought here:
 * why there is no form, rather than a silent redirect or "Page not found".
 */
export function ViewerEditNotice() {
  return (
    <div
      role="note"
      aria-label="Why you cannot edit"
      className="mb-6 flex items-start gap-2 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950/50 dark:text-indigo-100"
    >
      <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <p>
        You opened the page that changes this key’s callback handler, but you are signed in as a viewer: viewers read
        every key and its handler, and only admins can change one. Here is the key, read-only; ask an admin if its
        handler needs a change.
      </p>
    </div>
  );
}
