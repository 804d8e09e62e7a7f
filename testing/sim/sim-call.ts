// A minimal signed HTTP call against a running simulator, with knobs to break any part of the request.
import type { KeyObject } from 'node:crypto';

import { signFireblocksJwt, type Claims } from './sign-request';

export interface TestUser {
  apiKey: string;
  privateKey: KeyObject | string;
}

export interface CallOptions {
  method?: string;
  /** Path and query, including /v1. */
  path: string;
  /** JSON value (serialised once) or an exact string. */
  body?: unknown;
  user: TestUser;
  claims?: Claims;
  header?: Record<string, unknown>;
  /** Replaces the Authorization header (null = none). */
  authorization?: string | null;
  /** Replaces X-API-Key (null = none). */
  apiKeyHeader?: string | null;
  /** Body bytes actually sent when they must differ from the signed ones. */
  sentBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when empty or not JSON. */
  json: unknown;
  /** The token sent, for replays. */
  token: string;
}

export async function simCall(baseUrl: string, o: CallOptions): Promise<CallResult> {
  const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const token = signFireblocksJwt({
    apiKey: o.user.apiKey,
    privateKey: o.user.privateKey,
    uri: o.path,
    body,
    claims: o.claims,
    header: o.header,
  });
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...o.headers,
  };
  const auth = o.authorization === undefined ? `Bearer ${token}` : o.authorization;
  const apiKey = o.apiKeyHeader === undefined ? o.user.apiKey : o.apiKeyHeader;
  if (auth !== null) headers.Authorization = auth;
  if (apiKey !== null) headers['X-API-Key'] = apiKey;
  const res = await fetch(new URL(o.path, baseUrl), {
    method: o.method ?? 'GET',
    headers,
    body: o.sentBody ?? body,
    signal: o.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json, token };
}
