'use client';

import type { RefObject } from 'react';

import { PreflightVerdict } from '@/components/ui/preflight-verdict';
import type { ChangeResponse } from '@/lib/queries/types';
import { useMe } from '@/lib/queries/use-me';
import { useRecheckChange } from '@/lib/queries/use-preflight';

export interface ChangePreflightProps {
  change: ChangeResponse;
  /** An admin may check a change awaiting approval again; a viewer reads the verdict only. */
  canCheck: boolean;
  /** Its "Check again" button, for the approval dialog to start on. */
  checkRef?: RefObject<HTMLButtonElement | null>;
}

/**
 * A change's pre-flight verdict with "Check again" while it awaits approval: on its page, first, and in the approval
 * dialog. Past approval it is the record of the check the change was approved with; nothing when none ran.
 */
export function ChangePreflight({ change, canCheck, checkRef }: ChangePreflightProps) {
  const recheck = useRecheckChange(change.id);
  const me = useMe();
  const awaiting = change.state === 'awaiting_approval';
  if (!awaiting && !change.preflight) return null;
  return (
    <PreflightVerdict
      result={change.preflight}
      mode={me.data?.preflightMode}
      stage={awaiting ? 'approval' : 'record'}
      onCheck={awaiting && canCheck ? () => recheck.mutate() : undefined}
      checking={recheck.isPending}
      checkError={recheck.isPending ? null : recheck.error}
      checkRef={checkRef}
    />
  );
}
