import { Fingerprint } from '@/components/ui/fingerprint';
import { ChangeCallouts } from '@/components/ui/handler/change-callouts';
import { describeChange, type HandlerSide } from '@/components/ui/handler/handler-diff';
import { HandlerSideCard } from '@/components/ui/handler/handler-side-card';
import type { HandlerSnapshot } from '@/lib/queries/types';

/** A recorded handler as one side of the comparison: its key by fingerprint (SPKI for a key, key hash for a cert). */
function sideOf(snapshot: HandlerSnapshot): HandlerSide {
  const keyHash = snapshot.mode === 'cert' ? snapshot.certPublicKeyHash : snapshot.publicKeyFingerprint;
  return { url: snapshot.url, mode: snapshot.mode, keyHash: keyHash ?? undefined };
}

export interface ChangeSidesProps {
  before: HandlerSnapshot | null;
  after: HandlerSnapshot;
}

/** Before and after as two cards, the risky parts called out below: on the change's page and in its approval. */
export function ChangeComparison({ before, after }: ChangeSidesProps) {
  const beforeSide = before ? sideOf(before) : null;
  const afterSide = sideOf(after);
  const change = describeChange(beforeSide, afterSide);
  return (
    <>
      <div className="grid gap-3 md:grid-cols-2">
        <HandlerSideCard
          title="Before"
          side={beforeSide}
          highlightHost={change.hostChanged}
          highlightMode={change.modeSwitch !== null}
        />
        <HandlerSideCard
          title="After"
          side={afterSide}
          highlightHost={change.hostChanged}
          highlightMode={change.modeSwitch !== null}
          extra={
            after.certFingerprint && (
              <div>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">Certificate fingerprint (SHA-256)</dt>
                <dd>
                  <Fingerprint value={after.certFingerprint} copyLabel="Copy the certificate’s SHA-256 fingerprint" />
                </dd>
              </div>
            )
          }
        />
      </div>
      <ChangeCallouts change={change} />
    </>
  );
}

/** What the key had when the change was made, and what the change sends, side by side with the risky parts called out. */
export function ChangeSides({ before, after }: ChangeSidesProps) {
  return (
    <section
      aria-labelledby="change-sides-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="change-sides-heading" className="text-base font-semibold text-zinc-950 dark:text-white">
        Before and after
      </h2>
      <ChangeComparison before={before} after={after} />
    </section>
  );
}
