import { setTimeout as sleep } from 'node:timers/promises';

import { expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/changes/change-api-schemas';

import { callApi } from '../../testing/app/api-client';
import { changeViewer } from '../../testing/app/change-view';
import { ALICE, BOB, VERA } from '../../testing/app/session-cookie';
import { codeOf, setupApiStack } from '../../testing/app/api-stack';

// A change nobody approves in CHANGE_TTL (2 s here, on a server of its own) is expired by the console itself (its
// background worker, within a pass), and its key takes a new change; approving it afterwards is 409
// change_not_awaiting.
const stack = setupApiStack({ port: 4306, keyIndex: 58, env: { CHANGE_TTL: '2s' } });

it('expires after CHANGE_TTL (actor null), frees the key, and can no longer be approved', async () => {
  const cookie = await stack.cookieFor(ALICE);
  const propose = () => callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body: stack.validBody() });
  const res = await propose();
  expect(res.status, res.text).toBe(201);
  const change = (res.json as { change: ChangeResponse }).change;
  expect(Date.parse(change.expiresAt ?? '') - Date.parse(change.createdAt)).toBe(2_000);
  // Held while it waits.
  expect(codeOf(await propose())).toBe('change_open');

  await sleep(2_000);
  const { viewUntil } = changeViewer({
    appUrl: stack.app.appUrl,
    changeId: change.id,
    cookie: await stack.cookieFor(VERA),
  });
  const expired = await viewUntil('expired');
  expect(expired).toMatchObject({ state: 'expired', closedAt: expect.any(String) as unknown });
  expect(expired.timeline.map((t) => [t.kind, t.actor?.sub ?? null])).toEqual([
    ['change_proposed', ALICE.sub],
    ['change_expired', null],
  ]);

  const approve = await callApi(stack.app.appUrl, 'POST', `/api/changes/${change.id}/approve`, {
    cookie: await stack.cookieFor(BOB),
    body: '{}',
  });
  expect(approve.status).toBe(409);
  expect(codeOf(approve)).toBe('change_not_awaiting');
  // The key is free again.
  expect((await propose()).status).toBe(201);
});
