import { describe, expect, it } from 'vitest';

import { callApi, streamBody } from '../helpers/api-client';
import { ALICE } from '../helpers/session-cookie';
import { codeOf, fieldsOf, setupApiStack } from './api-stack';
import { BAD_CASES, GOOD_URL } from './bad-input-cases';

// Against the real production server and the real simulator: every bad input is a 400 with a field message, and
// the simulator's request log shows nothing was sent upstream. A pasted private key is never echoed or logged.
const stack = setupApiStack({ port: 3400, keyIndex: 77 });

const privateKeyLines = (pem: string) => pem.split('\n').filter((l) => l.length > 20);

describe('bad input: 400 with a field message, nothing sent upstream', () => {
  it('has at least 30 cases', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { app, pems, target } = stack;
    const cookie = await stack.cookieFor(ALICE);
    const body = c.method === 'PATCH' ? (c.body ? c.body(pems) : stack.validBody()) : undefined;
    const { answer, upstream } = await stack.observed(() => callApi(app.appUrl, c.method, c.path(target), { cookie, body }), c.needles);
    expect(answer.status, answer.text).toBe(400);
    expect(codeOf(answer)).toBe('bad_request');
    expect(fieldsOf(answer)[c.field], JSON.stringify(fieldsOf(answer))).toEqual(expect.stringMatching(/\S/));
    expect(upstream).toEqual([]);
    if (c.secret) {
      for (const line of privateKeyLines(c.secret(pems))) expect(answer.text).not.toContain(line);
      expect(answer.text).not.toContain('PRIVATE KEY');
    }
  });

  it('refuses a 1 MB body by its Content-Length', async () => {
    const cookie = await stack.cookieFor(ALICE);
    const body = JSON.stringify({ callbackHandler: { url: GOOD_URL, publicKey: 'A'.repeat(1024 * 1024) } });
    const { answer, upstream } = await stack.observed(() => callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body }));
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer).body).toMatch(/at most \d+ bytes/);
    expect(upstream).toEqual([]);
  });

  it('refuses a 1 MB chunked body (no Content-Length) once it passes the cap', async () => {
    const cookie = await stack.cookieFor(ALICE);
    const { answer, upstream } = await stack.observed(() =>
      streamBody(stack.app.appUrl, stack.keyPath(), { cookie, totalBytes: 1024 * 1024 }),
    );
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer).body).toMatch(/at most \d+ bytes/);
    expect(upstream).toEqual([]);
  });

  it('never writes a pasted private key to the server log', () => {
    const log = stack.app.readLog();
    // Checkable where this run can read the server's output: our own server, or TEST_APP_LOG from the runner.
    if (log === undefined) return;
    const { pems } = stack;
    for (const pem of [pems.privatePkcs8, pems.privatePkcs1, pems.privateEncrypted, pems.privateEc]) {
      for (const line of privateKeyLines(pem)) expect(log).not.toContain(line);
    }
  });
});
