import { describe, expect, it } from 'vitest';

import { createReadBudget, personalShare } from './read-budget';

const refusal = (p: Promise<void>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('the read budget', () => {
  it('gives each person a quarter of the minute, and everyone together all of it', async () => {
    const budget = createReadBudget(20);
    expect(personalShare(20)).toBe(5);
    for (let i = 0; i < 5; i++) await budget.take('vera');
    expect(await refusal(budget.take('vera'))).toMatchObject({ status: 429, code: 'rate_limited' });
    for (const who of ['alice', 'bob', 'nora']) for (let i = 0; i < 5; i++) await budget.take(who);
    // 20 taken: the next person is refused for everyone's sake, and their own share is not spent by it.
    const spent = await refusal(budget.take('dana'));
    expect(spent).toMatchObject({ status: 429, code: 'upstream_throttled' });
    expect((spent as { retryAfter: number }).retryAfter).toBeGreaterThan(50);
    expect(await refusal(budget.take(undefined))).toMatchObject({ code: 'upstream_throttled' });
  });

  it('takes several reads at once (a forced walk of the workspace), at most a whole share: possible once a minute', async () => {
    const budget = createReadBudget(40);
    await budget.take('vera', 4);
    await budget.take('vera', 6);
    expect(await refusal(budget.take('vera'))).toMatchObject({ code: 'rate_limited' });
    // Bigger than a share: costs the share, so a fresh person may do it once, then waits for the minute.
    await budget.take('alice', 500);
    expect(await refusal(budget.take('alice', 500))).toMatchObject({ code: 'rate_limited' });
  });

  it('0 is no budget at all', async () => {
    const budget = createReadBudget(0);
    for (let i = 0; i < 1_000; i++) await budget.take('vera');
  });
});
