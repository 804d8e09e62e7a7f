import { FlaskConical } from 'lucide-react';

export interface SimulatedBannerProps {
  /** Changes wait for a second admin: say how to try that with the dev users. */
  approvals: boolean;
}

/**
 * Always visible while the upstream is the simulator, so nobody mistakes demo data for a real workspace; with
 * approvals on, it says how to try them with the dev IdP's two admins in one browser.
 */
export function SimulatedBanner({ approvals }: SimulatedBannerProps) {
  return (
    <div
      role="note"
      aria-label="Simulated Fireblocks"
      className="border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-1.5 text-xs sm:px-6 sm:text-sm">
        <FlaskConical aria-hidden className="h-4 w-4 shrink-0" />
        <span>
          <strong className="font-semibold">Simulated Fireblocks</strong>
          <span className="hidden sm:inline"> — this console talks to the local simulator, not a real workspace.</span>
          <span className="sm:hidden"> — not a real workspace.</span>
          {approvals && (
            <span className="block sm:inline">
              {' '}
              Try approvals: propose a change as <strong className="font-semibold">alice</strong>, then sign out and
              sign in as <strong className="font-semibold">bob</strong> to approve it.
            </span>
          )}
        </span>
      </p>
    </div>
  );
}
