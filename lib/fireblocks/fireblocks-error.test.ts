import { describe, expect, it } from 'vitest';

import { FireblocksError, isFireblocksError, toAppError, type FireblocksErrorOptions } from './fireblocks-error';

const http = (status: number, extra: Partial<FireblocksErrorOptions> = {}) =>
  new FireblocksError({ kind: 'http', status, message: 'upstream says no', fireblocksRequestId: 'fb-1', ...extra });

describe('toAppError', () => {
  it.each([
    [400, 400, 'bad_request'],
    [404, 404, 'not_found'],
    [409, 409, 'conflict'],
    [429, 429, 'upstream_throttled'],
    [401, 502, 'upstream_error'],
    [403, 502, 'upstream_error'],
    [422, 502, 'upstream_error'],
    [500, 502, 'upstream_error'],
    [503, 502, 'upstream_error'],
  ] as const)('maps upstream %i to %i %s, keeping the Fireblocks request id', (upstream, status, code) => {
    const app = toAppError(http(upstream));
    expect(app).toMatchObject({ status, code, fireblocksRequestId: 'fb-1' });
  });

  it('says the console credentials were refused on 401/403, not that the user did something wrong', () => {
    expect(toAppError(http(401, { code: -1 })).message).toBe("Fireblocks refused the console's credentials");
  });

  it('carries Retry-After on 429 and says how long in its message', () => {
    const app = toAppError(http(429, { retryAfterSeconds: 30 }));
    expect(app).toMatchObject({
      retryAfter: 30,
      message: 'Fireblocks is rate-limiting this console; try again in 30 s',
    });
  });

  it('maps timeout to 504, network / invalid responses to 502, a request refused before sending to 400', () => {
    expect(toAppError(new FireblocksError({ kind: 'timeout', message: 't' }))).toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    });
    expect(toAppError(new FireblocksError({ kind: 'network', message: 'n' }))).toMatchObject({
      status: 502,
      code: 'upstream_error',
    });
    expect(toAppError(new FireblocksError({ kind: 'invalid_response', message: 'i', status: 200 }))).toMatchObject({
      status: 502,
    });
    expect(toAppError(new FireblocksError({ kind: 'invalid_request', message: 'r' }))).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
  });

  it('shows Fireblocks message for a 400 in the body the browser gets', () => {
    expect(toAppError(http(400, { message: 'Invalid callback URL' })).toBody('req-1')).toEqual({
      error: {
        code: 'bad_request',
        message: 'Fireblocks refused the request: Invalid callback URL',
        requestId: 'req-1',
        fireblocksRequestId: 'fb-1',
      },
    });
  });
});

describe('isFireblocksError', () => {
  it("recognises one made by another copy of the module (another route bundle's), not any Error", () => {
    const foreign = Object.assign(new Error('Too many requests'), {
      [Symbol.for('cosigner-console.FireblocksError')]: true,
      kind: 'http',
      status: 429,
    });
    expect(foreign instanceof FireblocksError).toBe(false);
    expect(isFireblocksError(foreign)).toBe(true);
    expect(isFireblocksError(http(404))).toBe(true);
    expect(isFireblocksError(new Error('x'))).toBe(false);
    expect(isFireblocksError({ kind: 'http' })).toBe(false);
  });
});
