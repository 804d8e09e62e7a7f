import { ArrowRightLeft, Globe, KeyRound } from 'lucide-react';

import type { HandlerChange } from './handler-diff';

const MODE_WORDS = { publicKey: 'a public key', cert: 'a pinned certificate', none: 'no authentication' } as const;

export interface ChangeCalloutsProps {
  change: HandlerChange;
}

/** The parts of a change worth a second look, in words: a new host, a switch of authentication kind, a new key. */
export function ChangeCallouts({ change }: ChangeCalloutsProps) {
  const items: Array<{ icon: typeof Globe; text: string }> = [];
  if (change.hostChanged) {
    items.push({
      icon: Globe,
      text: change.beforeHost
        ? `The host changes from ${change.beforeHost} to ${change.afterHost ?? 'an invalid host'}. The Co-Signer will send every signing request there.`
        : `The Co-Signer will send every signing request to ${change.afterHost ?? 'this URL'}.`,
    });
  }
  if (change.modeSwitch) {
    items.push({
      icon: ArrowRightLeft,
      text: `Authentication switches from ${MODE_WORDS[change.modeSwitch.from]} to ${MODE_WORDS[change.modeSwitch.to]}. The handler must be ready for it before this completes.`,
    });
  } else if (change.keyChanged) {
    items.push({ icon: KeyRound, text: 'The key changes. The handler must already use the new one.' });
  }
  if (items.length === 0) return null;
  return (
    <ul className="space-y-2">
      {items.map(({ icon: Icon, text }) => (
        <li
          key={text}
          className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>{text}</span>
        </li>
      ))}
    </ul>
  );
}
