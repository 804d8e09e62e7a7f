import { Lock } from 'lucide-react';

import type { EditGate } from '@/lib/cosigners/edit-gate';

export interface EditGateNoteProps {
  gate: Extract<EditGate, { editable: false }>;
}

/** Why this cosigner's callback handlers offer no Edit (archived, or a build too old for remote configuration). */
export function EditGateNote({ gate }: EditGateNoteProps) {
  return (
    <p
      role="note"
      aria-label="Why there is no Edit"
      data-gate={gate.code}
      className="mb-4 flex gap-2 rounded-lg border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      <Lock aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{gate.message}</span>
    </p>
  );
}
