import { describe, expect, it } from 'vitest';

import { callApi, rawPathRequest, slowUpload, streamBody } from '../../testing/app/api-client';
import { ALICE } from '../../testing/app/session-cookie';
import { codeOf, fieldsOf, setupApiStack } from '../../testing/app/api-stack';
import { BAD_CASES, GOOD_URL } from '../../testing/app/bad-input-cases';

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
    const { answer, upstream } = await stack.observed(
      () => callApi(app.appUrl, c.method, c.path(target), { cookie, body }),
      c.needles,
    );
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
    const { answer, upstream } = await stack.observed(() =>
      callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body }),
    );
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

describe('dot segments in ids: never resolved into another Fireblocks path', () => {
  // Sent byte for byte (fetch would resolve them first). Next itself answers a dot segment in the path with a 308 to
  // the resolved path, so no route sees one; the id schemas and the client's own path check stand behind that.
  const spellings = ['%2E%2E', '%2e%2e', '.%2e', '%2e', '%2E'];
  it.each(
    spellings.flatMap(
      (dot) =>
        [
          ['PATCH', 'apiKeyId', dot],
          ['GET', 'apiKeyId', dot],
          ['GET', 'requestId', dot],
        ] as const,
    ),
  )('%s with %s %s: no route runs with it, nothing upstream', async (method, field, dot) => {
    const { target } = stack;
    const cookie = await stack.cookieFor(ALICE);
    const path =
      field === 'apiKeyId'
        ? `/api/cosigners/${target.cosignerId}/api-keys/${dot}`
        : `${stack.keyPath()}/requests/${dot}`;
    const body = method === 'PATCH' ? stack.validBody() : undefined;
    const { answer, upstream } = await stack.observed(
      () => rawPathRequest(stack.app.appUrl, method, path, { cookie, body }),
      [target.cosignerId],
    );
    expect([308, 400], answer.text).toContain(answer.status);
    if (answer.status === 308) expect(answer.headers.get('location')).not.toMatch(/\/(\.|%2e)/i);
    else expect(fieldsOf(answer)[field]).toMatch(/\S/);
    expect(upstream).toEqual([]);
  });
});

describe('bounded answers and bodies', () => {
  it('a body of 4,000 unknown keys gets a short answer naming 10 of them', async () => {
    const cookie = await stack.cookieFor(ALICE);
    const extra = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`field${i}`, 1]));
    const body = JSON.stringify({ ...(JSON.parse(stack.validBody()) as object), ...extra });
    expect(body.length).toBeLessThan(64 * 1024);
    const { answer, upstream } = await stack.observed(() =>
      callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body }),
    );
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(2000);
    const fields = fieldsOf(answer);
    expect(Object.keys(fields).filter((k) => k.startsWith('field'))).toHaveLength(10);
    expect(fields.body).toMatch(/3,990 more/);
    expect(upstream).toEqual([]);
  });

  it('a stalled upload gets 408 after the 10 s deadline, and its connection is closed', async () => {
    const cookie = await stack.cookieFor(ALICE);
    const { answer, upstream } = await stack.observed(async () => {
      const r = await slowUpload(stack.app.appUrl, stack.keyPath(), {
        cookie,
        sentBody: '{"callbackHandler":{"url":"https://',
        declaredBytes: 400,
        giveUpMs: 25_000,
      });
      // The server closes the socket right after its answer, not after Node's own timeouts (minutes).
      expect(r.closedAfterMs - r.answeredAfterMs).toBeLessThan(2000);
      expect(r.answeredAfterMs).toBeGreaterThanOrEqual(9_500);
      expect(r.answeredAfterMs).toBeLessThan(15_000);
      const [head = '', text = ''] = r.response.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 408 /);
      expect(head).toMatch(/^connection: close$/im);
      return { status: 408, headers: new Headers(), text, json: undefined };
    });
    expect(answer.text).toContain('did not arrive within 10 seconds');
    expect(upstream).toEqual([]);
  }, 30_000);
});
