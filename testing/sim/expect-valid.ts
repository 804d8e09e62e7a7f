import { expect } from 'vitest';

import { responseProblems } from './openapi';
import type { CallResult } from './sim-call';

/** Asserts the response validates against the OpenAPI subset and carries X-Request-ID; returns its body. */
export function expectValid(method: string, path: string, res: CallResult, status?: number): unknown {
  if (status !== undefined) expect(res.status, res.text).toBe(status);
  expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(responseProblems(method, path, res)).toEqual([]);
  return res.json;
}

/** Asserts a Fireblocks error `{ message, code }` with this status and code. */
export function expectError(method: string, path: string, res: CallResult, status: number, code: number): void {
  expectValid(method, path, res, status);
  expect(res.json).toMatchObject({ code, message: expect.any(String) as unknown });
}
