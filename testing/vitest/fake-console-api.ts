import { errorResponse } from '@/lib/api-routes/error-response';
import { inspectForPanel } from '@/lib/callback-handler/inspect';
import { validateCallbackHandler } from '@/lib/callback-handler/validate';

export interface FakeConsoleApiOptions {
  /** What the server's own checks allow (the app's flag: plain http to loopback while on the simulator). */
  allowLoopbackHttp: boolean;
  /**
   * The PATCH's flag when it differs from the inspection's: a server whose rules changed between the inspection
   * and the send (a redeploy off the simulator), the way a field error can still come back from a checked form.
   */
  sendAllowsLoopbackHttp?: boolean;
  /**
   * What a valid PATCH gets instead of a 202: an error body as the route sends it (another admin's open change, a
   * send whose answer was lost).
   */
  patchError?: { status: number; error: { code: string; message: string; changeId?: string } };
}

/** The id of the change a valid PATCH records here. */
export const FAKE_CHANGE_ID = '5a0c2f1e-8b7d-4c3a-9e2f-1d0c9b8a7f6e';

interface RecordedCall {
  method: string;
  path: string;
  body: string;
}

/**
 * The two console routes the change form calls, served in-process by the same lib code as the real routes
 * (app/api/callback-handler/inspect, PATCH app/api/cosigners/.../api-keys/...): the inspection and the server-side
 * validation are real, only the change record and the Fireblocks call after a valid PATCH are replaced by a 202 (or
 * the error asked for). For `vi.stubGlobal('fetch')`.
 */
export function fakeConsoleApi({
  allowLoopbackHttp,
  sendAllowsLoopbackHttp = allowLoopbackHttp,
  patchError,
}: FakeConsoleApiOptions) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : '';
    calls.push({ method, path, body });
    // Like the network, let the component render in between.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      if (method === 'POST' && path === '/api/callback-handler/inspect') {
        return Response.json({ data: inspectForPanel(JSON.parse(body), { allowLoopbackHttp }) });
      }
      const key = /^\/api\/cosigners\/([^/]+)\/api-keys\/([^/]+)$/.exec(path);
      if (method === 'PATCH' && key) {
        validateCallbackHandler(JSON.parse(body), { allowLoopbackHttp: sendAllowsLoopbackHttp });
        if (patchError) return Response.json({ error: patchError.error }, { status: patchError.status });
        return Response.json(
          {
            change: { id: FAKE_CHANGE_ID, apiKeyId: decodeURIComponent(key[2] ?? ''), state: 'sent' },
            requestId: 'req-1',
          },
          { status: 202 },
        );
      }
      return Response.json({ error: { code: 'not_found', message: 'No such route.' } }, { status: 404 });
    } catch (error) {
      return errorResponse(error, 'test-request');
    }
  };
  return { fetch, calls };
}
