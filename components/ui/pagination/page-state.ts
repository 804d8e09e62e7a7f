/**
 * Cursor pagination kept in the URL so a page can be linked and reloaded, and "Previous" still works after a
 * reload: Fireblocks cursors only go forward, so the cursors of the pages before this one travel along in
 * `prev` (a stack; an empty entry is the first page, which has no cursor).
 *
 *   ?pageSize=25&order=DESC&cursor=c2&prev=,c1   -> page 3; Previous goes to cursor c1, then to the first page
 */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type Order = 'ASC' | 'DESC';

export interface PageState {
  pageSize: number;
  order: Order;
  /** Cursor of the page shown; undefined on the first page. */
  cursor?: string;
  /** Cursors of the pages before this one, oldest first ('' = the first page). */
  prev: string[];
  /** Filter of the loaded rows (Fireblocks has no search). */
  q: string;
}

const DEFAULT_PAGE_SIZE = 25;
const DEFAULT_ORDER: Order = 'DESC';
/** Longest cursor we carry; anything longer in a URL is not one Fireblocks gave us. */
const MAX_CURSOR = 2048;

type Params = Pick<URLSearchParams, 'get'>;

const validCursor = (c: string) => c.length <= MAX_CURSOR;

/** Reads the state from a URL's query, falling back to defaults for anything missing or invalid. */
export function readPageState(params: Params): PageState {
  const size = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
  const orderParam = params.get('order');
  const order: Order = orderParam === 'ASC' || orderParam === 'DESC' ? orderParam : DEFAULT_ORDER;
  const cursorParam = params.get('cursor');
  const cursor = cursorParam && validCursor(cursorParam) ? cursorParam : undefined;
  const prevParam = params.get('prev');
  let prev: string[] = [];
  if (cursor && prevParam !== null) {
    try {
      prev = prevParam.split(',').map((c) => decodeURIComponent(c));
    } catch {
      prev = [''];
    }
    if (!prev.every(validCursor)) prev = [''];
  } else if (cursor) {
    // A cursor without history (a link cut short): Previous can still go back to the start.
    prev = [''];
  }
  return { pageSize, order, cursor, prev, q: params.get('q') ?? '' };
}

/** Writes the state as a query string, leaving out defaults so plain URLs stay plain. */
export function toSearchParams(state: PageState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(state.pageSize));
  if (state.order !== DEFAULT_ORDER) out.set('order', state.order);
  if (state.cursor) {
    out.set('cursor', state.cursor);
    out.set('prev', state.prev.map((c) => encodeURIComponent(c)).join(','));
  }
  if (state.q) out.set('q', state.q);
  return out;
}

/** 1-based number of the page shown. */
export const pageNumber = (state: PageState) => state.prev.length + 1;

export function goNext(state: PageState, nextCursor: string): PageState {
  return { ...state, cursor: nextCursor, prev: [...state.prev, state.cursor ?? ''] };
}

export function goPrevious(state: PageState): PageState {
  if (state.prev.length === 0) return state;
  const prev = state.prev.slice(0, -1);
  const cursor = state.prev[state.prev.length - 1] || undefined;
  return { ...state, cursor, prev: cursor ? prev : [] };
}

/** Page size and order change what a cursor means, so both start again from the first page. */
export function withPageSize(state: PageState, pageSize: number): PageState {
  return { ...state, pageSize, cursor: undefined, prev: [] };
}

export function withOrder(state: PageState, order: Order): PageState {
  return { ...state, order, cursor: undefined, prev: [] };
}
