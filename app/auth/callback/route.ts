// GET /auth/callback – the IdP's redirect back: validates state, PKCE and nonce and creates the session.
import type { NextRequest } from 'next/server';

import { handleCallback } from '@/lib/auth/sign-in-routes';
import { getConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export function GET(req: NextRequest): Promise<Response> {
  return handleCallback(req, getConfig());
}
