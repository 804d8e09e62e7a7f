import { fail, type SimResponse } from '../http/response';
import { SIM } from '../http/error-codes';
import { decodeCursor, encodeCursor, type Order } from './cursor';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

export interface PageQuery {
  order: Order;
  pageSize: number;
  afterSeq?: number;
}

export type PageQueryResult = { ok: true; query: PageQuery } | { ok: false; response: SimResponse };

const bad = (code: number, message: string): PageQueryResult => ({ ok: false, response: fail(400, code, message) });

function single(params: URLSearchParams, name: string): string | undefined | null {
  const all = params.getAll(name);
  return all.length > 1 ? null : all[0];
}

/** Parses order / pageSize / pageCursor as the OpenAPI subset defines them; `scope` names the list. */
export function parsePageQuery(params: URLSearchParams, scope: string, secret: Buffer): PageQueryResult {
  const order = single(params, 'order');
  const size = single(params, 'pageSize');
  const cursor = single(params, 'pageCursor');
  if (order === null || size === null || cursor === null)
    return bad(SIM.invalidQuery, 'Query parameters must not repeat');
  if (order !== undefined && order !== 'ASC' && order !== 'DESC')
    return bad(SIM.invalidQuery, 'order must be ASC or DESC');
  let pageSize = DEFAULT_PAGE_SIZE;
  if (size !== undefined) {
    pageSize = /^\d{1,4}$/.test(size) ? Number(size) : NaN;
    if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE))
      return bad(SIM.invalidQuery, `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  // An empty pageCursor means "first page" (some clients send the parameter unconditionally).
  if (!cursor) return { ok: true, query: { order: order ?? 'DESC', pageSize } };
  const pos = decodeCursor(cursor, secret);
  if (!pos || pos.scope !== scope) return bad(SIM.invalidCursor, 'pageCursor is invalid');
  // A cursor carries its order; asking for the other order with it is a client bug, not a new query.
  if (order !== undefined && order !== pos.order)
    return bad(SIM.invalidCursor, 'pageCursor was issued for the other order');
  return { ok: true, query: { order: pos.order, pageSize, afterSeq: pos.afterSeq } };
}

/** One page of `items` (any order) and the cursor of the next one, or null on the last page. */
export function paginate<T>(
  items: Array<{ seq: number; item: T }>,
  q: PageQuery,
  scope: string,
  secret: Buffer,
): { data: T[]; next: string | null } {
  const asc = q.order === 'ASC';
  const sorted = [...items].sort((a, b) => (asc ? a.seq - b.seq : b.seq - a.seq));
  const after = q.afterSeq;
  const rest = after === undefined ? sorted : sorted.filter((r) => (asc ? r.seq > after : r.seq < after));
  const page = rest.slice(0, q.pageSize);
  const last = page[page.length - 1];
  const next =
    rest.length > q.pageSize && last ? encodeCursor({ scope, order: q.order, afterSeq: last.seq }, secret) : null;
  return { data: page.map((r) => r.item), next };
}
