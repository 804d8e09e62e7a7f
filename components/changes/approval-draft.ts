/**
 * What an approver has typed into the approve dialog, kept in the tab's sessionStorage under the change's id while
 * the step-up sign-in takes them to the IdP and back: the dialog reopens with it (nothing lost). Only the six
 * characters typed, never anything secret; a tab of its own, gone when the tab closes.
 */
export interface ApprovalDraft {
  typed: string;
}

const keyOf = (changeId: string) => `cosigner-console:approve:${changeId}`;

/** The draft for this change, or null (none kept, storage unavailable, or not ours). */
export function readApprovalDraft(storage: Storage | undefined, changeId: string): ApprovalDraft | null {
  try {
    const raw = storage?.getItem(keyOf(changeId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const typed = (parsed as Record<string, unknown>).typed;
    return typeof typed === 'string' ? { typed: typed.slice(0, 32) } : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser refuses storage (private mode quotas): the step-up still works. */
export function saveApprovalDraft(storage: Storage | undefined, changeId: string, draft: ApprovalDraft): boolean {
  try {
    storage?.setItem(keyOf(changeId), JSON.stringify(draft));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearApprovalDraft(storage: Storage | undefined, changeId: string): void {
  try {
    storage?.removeItem(keyOf(changeId));
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** The tab's sessionStorage in the browser; undefined on the server or where storage is blocked. */
export function tabStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}
