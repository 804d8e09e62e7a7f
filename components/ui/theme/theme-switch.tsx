import { Monitor, Moon, Sun } from 'lucide-react';

import { ThemeToggle } from './theme-toggle';

const cls = 'h-4 w-4';

/** The theme toggle with its icons rendered on the server (a Server Component wrapper around the client button). */
export function ThemeSwitch() {
  return (
    <ThemeToggle
      icons={{
        system: <Monitor aria-hidden className={cls} />,
        light: <Sun aria-hidden className={cls} />,
        dark: <Moon aria-hidden className={cls} />,
      }}
    />
  );
}
