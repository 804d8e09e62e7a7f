import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

import { rsa2048PublicKeyPem } from '../lib/testing/pem-fixtures';
import type { KeyRef } from '../sim/seed';

/** The app's route for one API key (what the edit form PATCHes). */
export function apiKeyPath(ref: KeyRef): string {
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

export interface LiveHandler {
  url?: string;
  publicKey?: string;
  certPublicKeyHash?: string;
}

/** What Fireblocks currently reports for the key, read through the app's API with the context's session. */
export async function liveHandler(request: APIRequestContext, ref: KeyRef): Promise<LiveHandler | undefined> {
  const res = await request.get(apiKeyPath(ref));
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: { callbackHandler?: LiveHandler } };
  return body.data.callbackHandler;
}

/** PEM text without line breaks and padding, to compare keys however they were wrapped. */
export const squash = (pem: string | undefined): string => (pem ?? '').replace(/\s+/g, '');
