import { canResubmit } from '@/lib/change-model/change-viewer';
import type { ChangeResponse } from '@/lib/queries/types';

/** What a closed change fills the edit form with when it is opened as a new change (`?from={changeId}`). */
export interface ResubmitPrefill {
  fromChangeId: string;
  fromState: ChangeResponse['state'];
  /** Why it did not go through (the decline's reason, the failure), shown above the form. */
  outcome: string | null;
  url: string;
  mode: 'publicKey' | 'cert';
  pem: string;
  reason: string;
}

/**
 * The form's values from a change to this very key that ended without being applied; null for anything else (a
 * change to another key, one still open or applied), so a hand-made link fills nothing in.
 */
export function resubmitPrefillOf(
  change: ChangeResponse | null | undefined,
  key: { cosignerId: string; apiKeyId: string },
): ResubmitPrefill | null {
  if (!change || change.cosignerId !== key.cosignerId || change.apiKeyId !== key.apiKeyId) return null;
  if (!canResubmit(change.state)) return null;
  const { after } = change;
  return {
    fromChangeId: change.id,
    fromState: change.state,
    outcome: change.decidedReason,
    url: after.url,
    mode: after.mode,
    pem: (after.mode === 'cert' ? after.cert : after.publicKey) ?? '',
    reason: change.reason ?? '',
  };
}
