// POST /auth/logout – same-origin only; clears the session cookie and returns to the landing page.
import type { NextRequest } from 'next/server';

import { handleLogout } from '@/lib/auth/sign-in-routes';
import { getConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export function POST(req: NextRequest): Response {
  return handleLogout(req, getConfig());
}
