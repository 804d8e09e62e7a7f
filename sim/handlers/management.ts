import { TIME_PERIOD_MS, type TimePeriod } from '../audit-log';
import { SIM } from '../http/error-codes';
import { fail, json, type SimResponse } from '../http/response';
import { decodeCursor } from '../pagination/cursor';
import { paginate } from '../pagination/page';
import type { RouteRequest, SimState } from './context';

// The two management reads the console makes beside the cosigner endpoints. Fireblocks allows them to Admin and
// Non-Signing Admin API users; the simulator answers 403 when told to (SimState.forbidden), as Fireblocks does for an
// API user of another role.

const forbidden = (what: string): SimResponse =>
  fail(403, SIM.forbidden, `Forbidden: this API user's role may not read ${what}`);

// GET /v1/management/api_users: every API user of the workspace, in one answer (Fireblocks documents no paging).
export function listApiUsers(state: SimState): SimResponse {
  if (state.forbidden.apiUsers) return forbidden('API users');
  return json(200, { users: [...state.store.apiUsers.values()] });
}

function single(query: URLSearchParams, name: string): string | undefined | null {
  const all = query.getAll(name);
  return all.length > 1 ? null : all[0];
}

// GET /v1/management/audit_logs?timePeriod=DAY|WEEK&cursor: the entries of the last day (default) or week, newest
// first, `state.auditLogPageSize` a page; `cursor` is the previous page's, null on the last; `total` counts the
// period's entries.
export function listAuditLogs(state: SimState, req: RouteRequest): SimResponse {
  if (state.forbidden.auditLogs) return forbidden('the audit log');
  const period = single(req.query, 'timePeriod');
  const cursor = single(req.query, 'cursor');
  if (period === null || cursor === null) return fail(400, SIM.invalidQuery, 'Query parameters must not repeat');
  if (period !== undefined && !(period in TIME_PERIOD_MS))
    return fail(400, SIM.invalidQuery, 'timePeriod must be DAY or WEEK');
  const timePeriod: TimePeriod = (period as TimePeriod | undefined) ?? 'DAY';
  // A cursor belongs to its period: the same position means another page in the other one.
  const scope = `audit_logs:${timePeriod}`;
  let afterSeq: number | undefined;
  if (cursor) {
    const pos = decodeCursor(cursor, state.cursorSecret);
    if (!pos || pos.scope !== scope) return fail(400, SIM.invalidCursor, 'cursor is invalid');
    afterSeq = pos.afterSeq;
  }
  const items = state.auditLog.within(timePeriod, req.nowMs);
  const page = paginate(
    items,
    { order: 'DESC', pageSize: state.auditLogPageSize, afterSeq },
    scope,
    state.cursorSecret,
  );
  return json(200, { data: page.data, cursor: page.next, total: items.length });
}

/** Records in the audit log a write the calling API user made (who: its name, else its key). */
export function recordWrite(state: SimState, req: RouteRequest, event: string, subject: string): void {
  const user = state.store.apiUsers.get(req.apiKey)?.name ?? req.apiKey;
  state.auditLog.add({ atMs: req.nowMs, user, userId: req.apiKey, subject, event });
}
