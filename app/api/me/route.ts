import { withSession } from '@/lib/api/handler';
import { respond } from '@/lib/api/respond';
import { getConfig } from '@/lib/config/env';
import { meResponseSchema } from '@/lib/cosigners/console-api-schemas';

// GET /api/me – the signed-in user, and whether the upstream is the simulator (for the banner).
export const GET = withSession(
  (_req, { session }) => {
    const { name, email, role } = session.user;
    return respond(meResponseSchema, { name, email, role, simulated: getConfig().fireblocks.simulated });
  },
  { role: 'viewer' },
);
