import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SIM } from '../http/error-codes';
import { seedSummary } from '../seed';
import { expectError, expectValid } from '../../testing/sim/expect-valid';
import { control, startTestSim, type TestSim } from '../../testing/sim/test-sim';
import { decodeCursor, encodeCursor } from './cursor';

interface Page {
  data: Array<{ id: string }>;
  next?: string | null;
}

let t: TestSim;
const s = seedSummary(1);
const keysPath = `/v1/cosigners/${s.bigCosignerId}/api_keys`;

beforeAll(async () => {
  t = await startTestSim({ seed: 1 });
});
afterAll(() => t.sim.close());

async function page(path: string): Promise<Page> {
  return expectValid('GET', path, await t.call({ path }), 200) as Page;
}

async function walk(query: string): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null | undefined;
  do {
    const p = await page(`${keysPath}?${query}${cursor ? `&pageCursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...p.data.map((k) => k.id));
    sizes.push(p.data.length);
    cursor = p.next;
  } while (cursor);
  return { ids, sizes };
}

describe('cursor pagination', () => {
  it('defaults to 10 items, newest first (DESC)', async () => {
    const first = await page(keysPath);
    expect(first.data).toHaveLength(10);
    const asc = await page(`${keysPath}?order=ASC&pageSize=100`);
    const desc = await page(`${keysPath}?order=DESC&pageSize=10`);
    expect(first.data).toEqual(desc.data);
    expect(desc.data[0]?.id).not.toBe(asc.data[0]?.id);
  });

  it('pageSize 100 walks the 250 keys in 100 + 100 + 50; the last page has no next', async () => {
    const { ids, sizes } = await walk('pageSize=100');
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(ids).size).toBe(250);
  });

  it('pageSize 1 pages one at a time with a next cursor', async () => {
    const p = await page(`${keysPath}?pageSize=1`);
    expect(p.data).toHaveLength(1);
    expect(typeof p.next).toBe('string');
    const second = await page(`${keysPath}?pageSize=1&pageCursor=${encodeURIComponent(p.next ?? '')}`);
    expect(second.data[0]?.id).not.toBe(p.data[0]?.id);
  });

  it('ASC is exactly the reverse of DESC', async () => {
    const asc = await walk('order=ASC&pageSize=100');
    const desc = await walk('order=DESC&pageSize=100');
    expect(asc.ids).toEqual([...desc.ids].reverse());
  });

  it('the cosigner list fits one page: next is null', async () => {
    const p = await page('/v1/cosigners');
    expect(p.data).toHaveLength(s.cosignerCount);
    expect(p.next).toBeNull();
  });

  it.each(['0', '101', 'abc', '1.5', '-1', '', '1e2'])('pageSize=%s is 400', async (size) => {
    const path = `${keysPath}?pageSize=${size}`;
    expectError('GET', path, await t.call({ path }), 400, SIM.invalidQuery);
  });

  it('a bad order or a repeated parameter is 400', async () => {
    for (const path of [`${keysPath}?order=asc`, `${keysPath}?order=UP`, `${keysPath}?pageSize=1&pageSize=2`]) {
      expectError('GET', path, await t.call({ path }), 400, SIM.invalidQuery);
    }
  });

  it('a tampered, made-up or foreign cursor is 400', async () => {
    const p = await page(`${keysPath}?pageSize=5`);
    const next = p.next ?? '';
    const [payload = '', tag = ''] = next.split('.');
    const forged = Buffer.from(JSON.stringify({ s: `api_keys:${s.bigCosignerId}`, o: 'DESC', a: 3 })).toString(
      'base64url',
    );
    const cosignersCursor = encodeCursor({ scope: 'cosigners', order: 'DESC', afterSeq: 3 }, Buffer.alloc(32));
    const bad = [`${payload}x.${tag}`, `${forged}.${tag}`, 'not-a-cursor', `${next}.x`, cosignersCursor];
    for (const c of bad) {
      const path = `${keysPath}?pageCursor=${encodeURIComponent(c)}`;
      expectError('GET', path, await t.call({ path }), 400, SIM.invalidCursor);
    }
    // A real cursor of another cosigner's list, and one asked for in the other order.
    const otherList = `/v1/cosigners/${s.cosignerIds[2] ?? ''}/api_keys?pageCursor=${encodeURIComponent(next)}`;
    expectError('GET', otherList, await t.call({ path: otherList }), 400, SIM.invalidCursor);
    const flipped = `${keysPath}?order=ASC&pageCursor=${encodeURIComponent(next)}`;
    expectError('GET', flipped, await t.call({ path: flipped }), 400, SIM.invalidCursor);
  });

  it('a cursor keeps its order when order is omitted, and survives an item being removed', async () => {
    const p = await page(`${keysPath}?order=ASC&pageSize=3`);
    const asc = await page(`${keysPath}?order=ASC&pageSize=6`);
    const removed = asc.data[3]?.id ?? '';
    const unpair = await t.call({ method: 'DELETE', path: `${keysPath}/${removed}` });
    const requestId = (unpair.headers.get('location') ?? '').split('/').at(-1) ?? '';
    expect((await control(t.sim, 'POST', `/_sim/requests/${requestId}/complete`)).status).toBe(200);
    const cont = await page(`${keysPath}?pageSize=2&pageCursor=${encodeURIComponent(p.next ?? '')}`);
    expect(cont.data).toEqual(asc.data.slice(4, 6));
  });
});

describe('cursor encoding', () => {
  const secret = Buffer.from('k'.repeat(32));
  it('round-trips and is opaque base64url', () => {
    const c = encodeCursor({ scope: 'cosigners', order: 'ASC', afterSeq: 42 }, secret);
    expect(c).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, secret)).toEqual({ scope: 'cosigners', order: 'ASC', afterSeq: 42 });
  });
  it('refuses a cursor from another secret (another seed)', () => {
    const c = encodeCursor({ scope: 'cosigners', order: 'ASC', afterSeq: 42 }, secret);
    expect(decodeCursor(c, Buffer.from('j'.repeat(32)))).toBeNull();
  });
});
