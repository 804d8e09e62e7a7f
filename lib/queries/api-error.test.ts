import { describe, expect, it } from 'vitest';

import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps every field of an ErrorBody', () => {
    const e = toApiError(400, {
      error: {
        code: 'bad_request',
        message: 'Fix the fields',
        requestId: 'r1',
        fireblocksRequestId: 'fb1',
        fields: { 'callbackHandler.url': 'must be https' },
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Fix the fields',
      requestId: 'r1',
      fireblocksRequestId: 'fb1',
      fields: { 'callbackHandler.url': 'must be https' },
    });
  });

  it('falls back to a code from the status and a readable message when the body is not an ErrorBody', () => {
    const e = toApiError(502, '<html>Bad gateway</html>', 'hdr-id');
    expect(e).toMatchObject({ status: 502, code: 'upstream_error', requestId: 'hdr-id', fields: undefined });
    expect(e.message).toContain('502');
  });

  it('ignores an unknown code and non-string field messages', () => {
    const e = toApiError(429, { error: { code: 'nope', message: 'Slow down', fields: { a: 1 } } });
    expect(e.code).toBe('rate_limited');
    expect(e.fields).toBeUndefined();
  });

  it('keeps a step-up path only when it stays on this origin', () => {
    const stepUp = (stepUpUrl: string) =>
      toApiError(401, { error: { code: 'step_up_required', message: 'Sign in again', stepUpUrl } });
    const path = '/auth/login?stepUp=1&returnTo=%2Fchanges%2Fx%3Fapprove%3D1';
    expect(stepUp(path)).toMatchObject({ code: 'step_up_required', stepUpUrl: path });
    for (const url of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', ''])
      expect(stepUp(url).stepUpUrl, url).toBeUndefined();
  });
});
