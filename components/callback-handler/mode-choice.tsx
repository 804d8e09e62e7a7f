'use client';

import { FileKey2, KeyRound } from 'lucide-react';

import { cn } from '@/components/ui/cn';

export type HandlerMode = 'publicKey' | 'cert';

export interface ModeChoiceProps {
  value: HandlerMode;
  onChange: (mode: HandlerMode) => void;
  name: string;
}

const OPTIONS = [
  {
    value: 'publicKey',
    label: 'Public key',
    icon: KeyRound,
    text: 'The Co-Signer verifies responses signed with the handler’s RSA key.',
  },
  {
    value: 'cert',
    label: 'Certificate',
    icon: FileKey2,
    text: 'The Co-Signer pins the handler’s TLS certificate key.',
  },
] as const;

/** Public key or certificate, one or the other, as the Fireblocks Console offers it. Native radios: arrow keys work. */
export function ModeChoice({ value, onChange, name }: ModeChoiceProps) {
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-900 dark:text-zinc-100">Authentication</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {OPTIONS.map(({ value: v, label, icon: Icon, text }) => (
          <label
            key={v}
            className={cn(
              'flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600',
              value === v
                ? 'border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/50'
                : 'border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-950 dark:hover:bg-zinc-900',
            )}
          >
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              aria-label={label}
              aria-describedby={`${name}-${v}-text`}
              className="mt-0.5 accent-indigo-600"
            />
            <span className="space-y-0.5">
              <span className="flex items-center gap-1.5 font-medium">
                <Icon aria-hidden className="h-4 w-4" />
                {label}
              </span>
              <span id={`${name}-${v}-text`} className="block text-xs text-zinc-600 dark:text-zinc-400">
                {text}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
