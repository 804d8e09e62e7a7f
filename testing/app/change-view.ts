import { setTimeout as sleep } from 'node:timers/promises';

import { expect } from 'vitest';

import type { GetChangeResponse } from '@/lib/changes/change-api-schemas';
import type { Db } from '@/lib/db/connect';

import { callApi } from './api-client';

type ChangeView = GetChangeResponse['data'];

export interface ChangeViewer {
  /** The change as GET /api/changes/:id shows it (the test fails on any status but 200). */
  view: () => Promise<ChangeView>;
  /** Views it every 500 ms until it is in `state`, 30 s at most; then the last view, whatever its state. */
  viewUntil: (state: string) => Promise<ChangeView>;
}

/** One change as one user sees it through one app server. */
export function changeViewer(o: { appUrl: string; changeId: string; cookie: string }): ChangeViewer {
  const view = async () => {
    const res = await callApi(o.appUrl, 'GET', `/api/changes/${o.changeId}`, { cookie: o.cookie });
    expect(res.status, res.text).toBe(200);
    return (res.json as GetChangeResponse).data;
  };
  const viewUntil = async (state: string) => {
    for (let i = 0; i < 60; i++) {
      const change = await view();
      if (change.state === state) return change;
      await sleep(500);
    }
    return view();
  };
  return { view, viewUntil };
}

/**
 * Waits (30 s at most) until the app has no open change: the background worker then asks Fireblocks nothing, so a
 * test that counts upstream calls counts only its own.
 */
export async function untilNoOpenChanges(o: { appUrl: string; cookie: string }): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const res = await callApi(o.appUrl, 'GET', '/api/changes?state=open&pageSize=1', { cookie: o.cookie });
    expect(res.status, res.text).toBe(200);
    if ((res.json as { data: unknown[] }).data.length === 0) return;
    await sleep(250);
  }
  throw new Error('changes were still open after 30 s');
}

/** The id of the change recorded for `apiKeyId` once its row is committed (looked for over 5 s), or undefined. */
export async function recordedChangeId(db: Db, apiKeyId: string): Promise<string | undefined> {
  for (let i = 0; i < 200; i++) {
    const row = await db.kysely
      .selectFrom('changes')
      .select('id')
      .where('api_key_id', '=', apiKeyId)
      .executeTakeFirst();
    if (row) return row.id;
    await sleep(25);
  }
  return undefined;
}
