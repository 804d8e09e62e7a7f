import { ArrowRight, ScrollText, ShieldCheck, TriangleAlert } from 'lucide-react';

import { ProductMark } from '@/components/ui/product-mark';
import { ThemeSwitch } from '@/components/ui/theme/theme-switch';
import { buttonClass } from '@/components/ui/button-styles';

const POINTS = [
  {
    icon: ShieldCheck,
    title: 'Two people for every change',
    text: 'A new callback URL and key are inspected before anyone approves; a second admin approves with a fresh sign-in, and the console follows the request in Fireblocks until the new handler is live.',
  },
  {
    icon: ScrollText,
    title: 'An audit trail that holds',
    text: 'Every sign-in, proposal, approval and Fireblocks outcome in a hash-chained record, filtered and exported for an auditor.',
  },
  {
    icon: TriangleAlert,
    title: 'Findings across the workspace',
    text: 'Keys with no handler, a URL that ends in a Co-Signer route, a pinned certificate that expires, a URL shared across cosigners or a key not seen for a month, with what to do about each.',
  },
] as const;

/** The signed-out front page: what this is and a way in. Static; shows no workspace data. */
export function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-4 sm:px-6">
        <ProductMark href="/" />
        <ThemeSwitch />
      </header>
      <main id="main" className="mx-auto flex w-full max-w-5xl flex-1 flex-col justify-center px-4 py-12 sm:px-6">
        <p className="text-sm font-medium text-indigo-700 dark:text-indigo-300">Fireblocks API Co-signers</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-semibold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">
          Change your cosigners’ callback handlers with a second pair of eyes.
        </h1>
        <p className="mt-4 max-w-2xl text-zinc-600 dark:text-zinc-400">
          One admin proposes a new callback handler, a second admin approves it before it reaches Fireblocks, and the
          audit trail keeps who did what. Findings say which keys need attention. Sign in with your organisation’s
          single sign-on: admins propose and approve; viewers see everything and change nothing.
        </p>
        <div className="mt-8">
          <a href="/auth/login" className={buttonClass({ variant: 'primary', className: 'h-10 px-5' })}>
            Sign in
            <ArrowRight aria-hidden className="h-4 w-4" />
          </a>
        </div>
        <ul className="mt-14 grid gap-4 sm:grid-cols-3">
          {POINTS.map(({ icon: Icon, title, text }) => (
            <li
              key={title}
              className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              <Icon aria-hidden className="h-5 w-5 text-indigo-600 dark:text-indigo-400" />
              <h2 className="mt-3 font-medium text-zinc-950 dark:text-white">{title}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
