import { ALLOWED_MOVES, type AllowedMove, type ChangeState } from '@/lib/change-model/states';

/** A change's audit event, as much of it as says how the change moved. */
export interface ChangeEventSummary {
  kind: string;
  actor: { sub: string; name: string | null; email: string | null } | null;
  at: string;
}

/** The latest move of a change into another state: from where, by whom (null: the console), when. */
export interface LastMove {
  from: ChangeState | null;
  to: ChangeState;
  actor: ChangeEventSummary['actor'];
  at: string;
}

const isMoveEvent = (kind: string) => ALLOWED_MOVES.some((m) => m.event === kind);

/**
 * The latest move of a change into another state, read back from its audit events (oldest first) through the one
 * table of allowed moves: the change row keeps its state, not the state before it, nor who moved it. Where one
 * event may record several moves (a status read, a reconciliation), the move is the one the next event can follow,
 * or, for the last, the one that ends in the change's state now. Null when no event moved it (no proposal recorded).
 */
export function lastMoveOf(state: ChangeState, events: readonly ChangeEventSummary[]): LastMove | null {
  const moving = events.filter((e) => isMoveEvent(e.kind));
  let at: ChangeState | null = null;
  let last: LastMove | null = null;
  moving.forEach((event, i) => {
    const candidates = ALLOWED_MOVES.filter((m) => m.from === at && m.event === event.kind);
    const next = moving[i + 1];
    const fits = (m: AllowedMove) =>
      next ? ALLOWED_MOVES.some((n) => n.from === m.to && n.event === next.kind) : m.to === state;
    const move = candidates.find(fits) ?? candidates[0];
    if (!move) return;
    if (move.to !== at) last = { from: at, to: move.to, actor: event.actor, at: event.at };
    at = move.to;
  });
  return last;
}
