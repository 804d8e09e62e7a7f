// POST /auth/logout – same-origin only; clears the session cookie and ends the IdP session (RP-initiated logout).
import type { NextRequest } from 'next/server';

import { handleLogout } from '@/lib/auth/sign-in-routes';
import { getConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export function POST(req: NextRequest): Promise<Response> {
  return handleLogout(req, getConfig());
}
