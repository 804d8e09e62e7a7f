import { errorResponse } from '@/lib/api/errors';
import { inspectForPanel } from '@/lib/callback/inspect';
import { validateCallbackHandler } from '@/lib/callback/validate';

export interface FakeConsoleApiOptions {
  /** What the server's own checks allow (the app's flag: plain http to loopback while on the simulator). */
  allowLoopbackHttp: boolean;
  /**
   * The PATCH's flag when it differs from the inspection's: a server whose rules changed between the inspection
   * and the send (a redeploy off the simulator), the way a field error can still come back from a checked form.
   */
  sendAllowsLoopbackHttp?: boolean;
}

export interface RecordedCall {
  method: string;
  path: string;
  body: string;
}

/**
 * The two console routes the change form calls, served in-process by the same lib code as the real routes
 * (app/api/callback-handler/inspect, PATCH app/api/cosigners/.../api-keys/...): the inspection and the server-side
 * validation are real, only the Fireblocks call after a valid PATCH is replaced by a 202. For `vi.stubGlobal('fetch')`.
 */
export function fakeConsoleApi({ allowLoopbackHttp, sendAllowsLoopbackHttp = allowLoopbackHttp }: FakeConsoleApiOptions) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
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
        const valid = validateCallbackHandler(JSON.parse(body), { allowLoopbackHttp: sendAllowsLoopbackHttp });
        return Response.json({ data: { id: decodeURIComponent(key[2] ?? ''), ...valid }, requestId: 'req-1' }, { status: 202 });
      }
      return Response.json({ error: { code: 'not_found', message: 'No such route.' } }, { status: 404 });
    } catch (error) {
      return errorResponse(error, 'test-request');
    }
  };
  return { fetch, calls };
}
