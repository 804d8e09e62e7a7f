import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { approveChange } from '@/lib/changes/approve-change';
import type { ChangeContext } from '@/lib/changes/change-context';
import { declineChange } from '@/lib/changes/decline-change';
import { proposeChange } from '@/lib/changes/propose-change';
import { withdrawChange } from '@/lib/changes/withdraw-change';
import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import type { Db } from '@/lib/db/connect';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { changeNotificationOf } from '@/lib/notify/change-notification';
import { ALICE, BOB, changeSuite } from '@/testing/upstream/change-suite';
import { TEST_ENGINES } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import { countInbox, markInboxSeen, readInbox } from './read-inbox';

// The inbox against real changes (proposed, declined, approved and sent through the simulator) on both engines.
const API_KEY = 'c0ffee00-1234-4abc-8def-0000000000b7';
const handlerPem = rsaTestKey(2048).publicPem;
const BIG = seedSummary().bigCosignerId;
const CAROL: ChangeActor = { ...ALICE, sub: 'carol', email: 'carol@example.com', name: 'Carol' };
const VERA: ChangeActor = { ...ALICE, sub: 'vera', email: 'vera@example.com', name: 'Vera', role: 'viewer' };
const owner = (a: ChangeActor) => ({ iss: a.iss, user: { sub: a.sub, role: a.role } });
const name = (id: string) => (id === BIG ? 'Big & <Busy> SGX' : null);

const suite = changeSuite(API_KEY);

describe.each(TEST_ENGINES)('the inbox on %s', (engine) => {
  let db: Db;
  let ctx: ChangeContext;
  suite.freshContextForEachTest(engine, (fresh) => ({ db, ctx } = fresh));

  const propose = async (actor: ChangeActor) => {
    const proposed = await proposeChange(ctx, {
      cosignerId: BIG,
      apiKeyId: suite.takeKey(),
      callbackHandler: { url: 'https://callbacks.example.com/inbox', publicKey: handlerPem },
      actor,
      requestId: randomUUID(),
      approvals: 1,
      ttlMs: 3_600_000,
    });
    return proposed.change;
  };

  it('lists what awaits my approval and my changes that moved since I last looked, in the webhook’s words', async () => {
    const declined = await propose(ALICE);
    const waiting = await propose(BOB);
    expect(await countInbox(db, owner(ALICE))).toEqual({ count: 1, awaitingApproval: 1, moved: 0 });
    expect(await countInbox(db, owner(BOB))).toEqual({ count: 1, awaitingApproval: 1, moved: 0 });
    // A viewer approves nothing and proposes nothing: nothing needs her.
    expect(await countInbox(db, owner(VERA))).toEqual({ count: 0, awaitingApproval: 0, moved: 0 });

    await declineChange(db, { changeId: declined.id, actor: BOB, reason: 'Wrong host', requestId: randomUUID() });
    const inbox = await readInbox(db, owner(ALICE), name);
    const short = declined.api_key_id.slice(-6);
    expect(inbox.moved).toEqual([
      {
        changeId: declined.id,
        cosignerId: BIG,
        apiKeyId: declined.api_key_id,
        state: 'declined',
        at: expect.any(String) as unknown,
        text: `Bob declined Alice's change to key …${short} on Big & <Busy> SGX: declined`,
      },
    ]);
    // The same line the webhook carries for that move (there Slack-escaped).
    const [row] = await db.kysely.selectFrom('changes').selectAll().where('id', '=', declined.id).execute();
    const webhook = changeNotificationOf(
      { change: row!, from: 'awaiting_approval', actor: BOB },
      new URL('http://console.test'),
      'Big & <Busy> SGX',
    );
    expect(webhook.text).toBe(`Bob declined Alice's change to key …${short} on Big &amp; &lt;Busy&gt; SGX: declined`);
    expect(inbox.awaitingApproval.map((i) => [i.changeId, i.text])).toEqual([
      [
        waiting.id,
        `Bob proposed a change to key …${waiting.api_key_id.slice(-6)} on Big & <Busy> SGX: awaiting approval`,
      ],
    ]);
    expect(inbox.seenAt).toBeNull();
    // Bob made that move himself: nothing new for him there.
    expect((await readInbox(db, owner(BOB), name)).moved).toEqual([]);
    expect(await countInbox(db, owner(ALICE))).toEqual({ count: 2, awaitingApproval: 1, moved: 1 });

    // Reading writes nothing: still new. Marked seen: no longer; a later move is new again.
    await readInbox(db, owner(ALICE), name);
    expect((await countInbox(db, owner(ALICE))).moved).toBe(1);
    const seenAt = await markInboxSeen(db, owner(ALICE), null);
    expect((await countInbox(db, owner(ALICE))).moved).toBe(0);
    expect((await readInbox(db, owner(ALICE), name)).seenAt).toBe(new Date(seenAt).toISOString());

    // Alice approves Bob's change: sent by the console; Bob hears of it, and Alice, its approver, too.
    await approveChange(ctx, {
      changeId: waiting.id,
      actor: ALICE,
      authTime: Date.now(),
      stepUpMaxAgeSeconds: 300,
      requestId: randomUUID(),
    });
    const bobs = await readInbox(db, owner(BOB), name);
    expect(bobs.moved.map((i) => [i.changeId, i.state])).toEqual([[waiting.id, 'sent']]);
    expect(bobs.moved[0]?.text).toMatch(/^Bob's change to key …\w{6} on Big & <Busy> SGX: sent to Fireblocks$/);
    expect((await readInbox(db, owner(ALICE), name)).moved.map((i) => i.changeId)).toEqual([waiting.id]);
    // Carol was not part of either: nothing of hers moved, and nothing waits for her now.
    expect(await countInbox(db, owner(CAROL))).toEqual({ count: 0, awaitingApproval: 0, moved: 0 });
  });

  it('a mark never moves back nor past now, and a withdrawal by its own proposer is not news to them', async () => {
    const own = await propose(ALICE);
    await withdrawChange(db, { changeId: own.id, actor: ALICE, requestId: randomUUID() });
    expect((await readInbox(db, owner(ALICE), name)).moved).toEqual([]);

    const now = Date.now();
    expect(await markInboxSeen(db, owner(ALICE), now + 3_600_000, now)).toBe(now);
    expect(await markInboxSeen(db, owner(ALICE), now - 60_000, now)).toBe(now);
    // Another person's mark is theirs alone.
    expect(await markInboxSeen(db, owner(BOB), now - 60_000, now)).toBe(now - 60_000);
  });
});
