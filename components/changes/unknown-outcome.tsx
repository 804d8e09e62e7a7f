import type { ReactNode } from 'react';
import { TriangleAlert } from 'lucide-react';

export interface UnknownOutcomeProps {
  /** The key to look for in the Fireblocks Console when no Fireblocks id came back. */
  apiKeyId: string;
  /** Whether a Fireblocks id is shown below (the change page's details): the copy points at it only then. */
  idsBelow: boolean;
  /** The admin's way out, once checked in Fireblocks (absent for viewers). */
  action?: ReactNode;
  /** Fireblocks answered 404 for the change's request id: it was sent, but Fireblocks does not know the request. */
  requestNotFound?: boolean;
}

/**
 * The one state where the console does not know what happened upstream: the request may have been accepted. Said
 * loudly, with no way to send again from here: a resend could make a second change on top of the first.
 */
export function UnknownOutcome({ apiKeyId, idsBelow, action, requestNotFound = false }: UnknownOutcomeProps) {
  return (
    <section
      role="alert"
      aria-labelledby="unknown-outcome-heading"
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-5 text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h2 id="unknown-outcome-heading" className="flex items-center gap-2 text-base font-semibold">
        <TriangleAlert aria-hidden className="h-5 w-5 shrink-0" />
        Outcome unknown — check in Fireblocks before retrying
      </h2>
      <div className="mt-2 space-y-2 text-sm">
        {requestNotFound ? (
          <p>
            <strong>Fireblocks does not know this request (not found).</strong> The change was sent, but Fireblocks
            answers “not found” for its request id, so there is no request to follow. The console keeps checking the
            key’s live handler, and updates this page on its own.
          </p>
        ) : (
          <p>
            The request may have reached Fireblocks, but no answer came back. Fireblocks may be applying it, or may
            never have received it. The console keeps checking the key’s live handler and the request, and updates this
            page on its own.
          </p>
        )}
        {idsBelow ? (
          <p>
            Do not send the change again until you know: look for this key’s pending request in the Fireblocks Console,
            using the Fireblocks ids below.
          </p>
        ) : (
          <p>
            Do not send the change again until you know: no Fireblocks id came back, so look in the Fireblocks Console
            for a pending request on API key <code className="font-mono text-xs break-all">{apiKeyId}</code>.
          </p>
        )}
      </div>
      {action && <div className="mt-4">{action}</div>}
    </section>
  );
}
