import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';

import type { ApiKeyCallbackHandler } from '../../lib/cosigners/console-api-schemas';
import { rsa2048PublicKeyPem } from '../fixtures/pem-fixtures';
import type { KeyRef } from '../../sim/seed';
import { e2eEnv } from './e2e-env';
import { mintSession } from './sessions';
import type { UserName } from './users';

/** The app's route for one API key (what the edit form PATCHes). */
function apiKeyPath(ref: KeyRef): string {
  return `/api/cosigners/${encodeURIComponent(ref.cosignerId)}/api-keys/${encodeURIComponent(ref.apiKeyId)}`;
}

/** The simulator's (Fireblocks') path for the same key, as it appears in the simulator's request log. */
export function upstreamKeyPath(ref: KeyRef): string {
  return `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
}

/** A callback handler that passes every rule, unique per call so a change is always a change. */
export function validHandlerBody(tag = Date.now().toString(36)): {
  callbackHandler: { url: string; publicKey: string };
} {
  return { callbackHandler: { url: `https://callbacks.example.com/e2e/${tag}`, publicKey: rsa2048PublicKeyPem() } };
}

/**
 * A PATCH as the browser's own fetch would send it: the context's session cookie, JSON, and the app's Origin
 * (so a refusal is about the role, not about a missing same-origin proof).
 */
export function patchAsBrowser(
  request: APIRequestContext,
  appOrigin: string,
  ref: KeyRef,
  body: unknown,
): Promise<APIResponse> {
  return request.patch(`${appOrigin}${apiKeyPath(ref)}`, {
    data: body,
    headers: { Origin: appOrigin, 'Sec-Fetch-Site': 'same-origin' },
  });
}

/** What Fireblocks currently reports for the key, read through the app's API with the context's session. */
export async function liveHandler(request: APIRequestContext, ref: KeyRef): Promise<ApiKeyCallbackHandler | undefined> {
  const res = await request.get(apiKeyPath(ref));
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: { callbackHandler?: ApiKeyCallbackHandler } };
  return body.data.callbackHandler;
}

/** PEM text without line breaks and padding, to compare keys however they were wrapped. */
export const squash = (pem: string | undefined): string => (pem ?? '').replace(/\s+/g, '');

/**
 * Approves a change as a second admin through the console's API (`POST /api/changes/{id}/approve`), with a freshly
 * minted session of that user (a sign-in just now, so no step-up), for journeys whose subject is not the approval
 * itself. Expects 202 unless told otherwise (`expectStatus: null` takes any answer, e.g. when Fireblocks is made to
 * fail the PATCH the approval sends).
 */
export async function approveAs(
  user: UserName,
  changeId: string,
  options: { expectStatus?: number | null } = {},
): Promise<{ status: number; body: unknown }> {
  const session = await mintSession(user);
  const context = await playwrightRequest.newContext({ baseURL: e2eEnv.TEST_APP_URL });
  try {
    const res = await context.post(`/api/changes/${encodeURIComponent(changeId)}/approve`, {
      data: {},
      headers: {
        Cookie: `${session.name}=${session.value}`,
        Origin: new URL(e2eEnv.TEST_APP_URL).origin,
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    const text = await res.text();
    const expected = options.expectStatus === undefined ? 202 : options.expectStatus;
    if (expected !== null) expect(res.status(), text).toBe(expected);
    return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : undefined };
  } finally {
    await context.dispose();
  }
}
