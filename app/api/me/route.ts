import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { getConfig } from '@/lib/config/env';
import { stepUpSecondsLeft } from '@/lib/changes/approve-change';
import { meResponseSchema } from '@/lib/cosigners/console-api-schemas';

// GET /api/me – the signed-in user, whether the upstream is the simulator (for the banner), and how recent their
// sign-in is against what an approval needs (so the UI can say a fresh sign-in comes first), and whether a failing
// pre-flight check refuses an approval.
export const GET = withSession(
  (_req, { session }) => {
    const { name, email, role } = session.user;
    const config = getConfig();
    return respond(meResponseSchema, {
      name,
      email,
      role,
      simulated: config.fireblocks.simulated,
      authTime: session.authTime === null ? null : new Date(session.authTime).toISOString(),
      stepUpMaxAgeSeconds: config.changes.stepUpMaxAgeSeconds,
      stepUpSecondsLeft: stepUpSecondsLeft(session.authTime, config.changes.stepUpMaxAgeSeconds),
      preflightMode: config.preflight.mode,
    });
  },
  { role: 'viewer' },
);
