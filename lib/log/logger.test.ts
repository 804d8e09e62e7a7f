import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

describe('logger', () => {
  it('writes JSON lines with the level name, time and context', () => {
    const { logger, lines } = capture();
    logger.child({ requestId: 'r-1', sub: 'alice', changeId: 'c-1' }).info('change sent');
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'change sent',
      requestId: 'r-1',
      sub: 'alice',
      changeId: 'c-1',
    });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('censors secret-bearing keys and scrubs PEM blocks, JWTs and seals from every string', () => {
    const { logger, lines } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    logger.warn(
      { secretKey: 'abc', headers: { cookie: 'Fe26.2*1*abc' }, body: { pasted: PEM }, note: `token ${jwt}` },
      `saw ${PEM}`,
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('Fe26.2*1*abc');
    expect(text).not.toContain('"abc"');
    expect(lines[0]).toMatchObject({
      secretKey: '[redacted]',
      body: { pasted: '[redacted PEM]' },
      msg: 'saw [redacted PEM]',
    });
  });

  it('logs errors as type, message and scrubbed stack', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error(`bad key ${PEM}`) }, 'failed');
    const err = lines[0]?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('Error');
    expect(err.message).toBe('bad key [redacted PEM]');
    expect(err.stack).not.toContain('MIIEvQ');
  });
});
