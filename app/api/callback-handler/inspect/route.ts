import { withSession } from '@/lib/api-routes/with-session';
import { MAX_CALLBACK_BODY_BYTES, readJsonBody } from '@/lib/api-routes/read-json-body';
import { inspectForPanel } from '@/lib/callback-handler/inspect';
import { getConfig } from '@/lib/config/env';

// POST /api/callback-handler/inspect – says what a URL and a public key or certificate are and what is wrong with
// them, for the edit form's panel. Any signed-in role; calls nothing upstream; never echoes a private key.
export const POST = withSession(
  async (req) => {
    const raw = await readJsonBody(req, { maxBytes: MAX_CALLBACK_BODY_BYTES });
    const data = inspectForPanel(raw, { allowLoopbackHttp: getConfig().fireblocks.simulated });
    return Response.json({ data });
  },
  { role: 'viewer', sameOrigin: true, requireJson: true },
);
