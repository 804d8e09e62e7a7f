import 'server-only';

import { OPEN_CHANGE_STATES } from '@/lib/change-model/states';
import { logger } from '@/lib/log/logger';

import { getChangeContext, type ChangeContext } from './change-context';
import { SENDING_DEADLINE_MS } from './reconcile-change';
import { refreshChange } from './refresh-change';

/**
 * At server start, in the background: every open change is brought up to date (a `sending` change left by a
 * crashed process becomes `unknown` once past SENDING_DEADLINE_MS, checked again when that time comes; `unknown`
 * ones are reconciled; `sent` ones followed). Never throws and never delays the start: a failure is logged and the
 * next view of the change tries again.
 */
export function reconcileOpenChangesOnStart(ctx?: ChangeContext): Promise<void> {
  return Promise.resolve()
    .then(() => run(ctx ?? getChangeContext()))
    .catch((err: unknown) => logger.warn({ err }, 'could not reconcile open changes at start'));
}

async function run(ctx: ChangeContext): Promise<void> {
  const open = await ctx.db.kysely.selectFrom('changes').selectAll().where('state', 'in', OPEN_CHANGE_STATES).execute();
  let recheckSending = false;
  for (const row of open) {
    try {
      const fresh = await refreshChange(ctx, row, { force: true });
      if (fresh.state === 'sending') recheckSending = true;
      if (fresh.state !== row.state)
        logger.info({ changeId: row.id, from: row.state, to: fresh.state }, 'change reconciled at start');
    } catch (err) {
      logger.warn({ changeId: row.id, err }, 'could not reconcile a change at start');
    }
  }
  if (recheckSending) setTimeout(() => void reconcileOpenChangesOnStart(ctx), SENDING_DEADLINE_MS).unref();
}
