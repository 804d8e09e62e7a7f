// GET /auth/login?returnTo=/path – starts OIDC sign-in (Authorization Code + PKCE) at the configured IdP.
import type { NextRequest } from 'next/server';

import { handleLogin } from '@/lib/auth/sign-in-routes';
import { getConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export function GET(req: NextRequest): Promise<Response> {
  return handleLogin(req, getConfig());
}
