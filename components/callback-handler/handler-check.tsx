'use client';

import { useState } from 'react';

import { PreflightVerdict } from '@/components/ui/preflight-verdict';
import type { ConsoleUpdateBody } from '@/lib/callback-handler/callback-handler-schemas';
import { useMe } from '@/lib/queries/use-me';
import { useCheckHandler, type PreflightResult } from '@/lib/queries/use-preflight';

export interface HandlerCheckProps {
  /** The handler as it would be submitted; null while the form is not valid yet. */
  body: ConsoleUpdateBody | null;
}

const sameHandler = (a: ConsoleUpdateBody | null, b: ConsoleUpdateBody | null) =>
  a !== null &&
  b !== null &&
  a.callbackHandler.url === b.callbackHandler.url &&
  a.callbackHandler.publicKey === b.callbackHandler.publicKey &&
  a.callbackHandler.cert === b.callbackHandler.cert;

/**
 * "Check the handler now": the same pre-flight an approver will see, run on what is typed before it is submitted,
 * so the proposer learns first. Only on request (each check connects to the typed host); a result stays up only
 * while the form still holds what was checked.
 */
export function HandlerCheck({ body }: HandlerCheckProps) {
  const check = useCheckHandler();
  const me = useMe();
  const [checked, setChecked] = useState<{ body: ConsoleUpdateBody; result: PreflightResult } | null>(null);
  const current = checked && sameHandler(checked.body, body) ? checked.result : null;
  if (me.data?.preflightMode === 'off') return null;

  function run() {
    if (!body) return;
    const asked = body;
    check.mutate(asked, { onSuccess: (result) => setChecked({ body: asked, result }) });
  }
  return (
    <PreflightVerdict
      result={current}
      mode={me.data?.preflightMode}
      stage="proposal"
      onCheck={body ? run : undefined}
      checking={check.isPending}
      checkError={check.isPending ? null : check.error}
      checkLabel={current ? 'Check again' : 'Check the handler now'}
      notChecked={
        body
          ? 'Check that the Co-Signer will reach and trust this handler before you submit: the console connects to it and reads its certificate.'
          : 'Once the URL and the key or certificate are valid, you can check that the Co-Signer will reach and trust the handler.'
      }
    />
  );
}
