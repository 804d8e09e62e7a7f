import type { ReactNode } from 'react';

import { AppShell } from '@/components/shell/app-shell';
import { QueryProvider } from '@/components/shell/query-provider';
import { requirePageSession } from '@/lib/auth/page-guard';
import { getConfig } from '@/lib/config/env';

/** Every signed-in page: the guard first, then the shell with the user and the simulator flag from the server. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePageSession();
  const config = getConfig();
  const { simulated } = config.fireblocks;
  return (
    <QueryProvider>
      <AppShell
        user={{ name: user.name, email: user.email, role: user.role }}
        simulated={simulated}
        approvals={config.changes.approvals === 1}
      >
        {children}
      </AppShell>
    </QueryProvider>
  );
}
