import { AUDIT_FILTER_KEYS, auditFilterSchema, type AuditFilter } from '@/lib/audit/audit-api-schemas';
import { readPageState, toSearchParams, type PageState } from '@/components/ui/pagination/page-state';

/**
 * The /audit page's state in its URL: the filters under the API's own names (kind, actor, cosignerId, apiKeyId,
 * from, to; times as ISO UTC), and the page as the other lists keep it (pageSize, cursor and the `prev` stack of
 * the cursors before it, so Previous works after a reload). Newest first is the only order.
 *
 *   /audit?kind=sign_in&actor=alice&cursor=c2&prev=,c1
 */
export interface AuditUrlState {
  filter: AuditFilter;
  page: PageState;
}

type Params = Pick<URLSearchParams, 'get'>;

/** The filter from a URL, leaving out any value the API would refuse (a hand-edited link shows the rest). */
function readAuditFilter(params: Params): AuditFilter {
  const raw: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return auditFilterSchema.safeParse(raw).data ?? {};
}

export function readAuditUrlState(params: Params): AuditUrlState {
  return { filter: readAuditFilter(params), page: { ...readPageState(params), order: 'DESC', q: '' } };
}

export function toAuditSearchParams(state: AuditUrlState): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = state.filter[key];
    if (value) out.set(key, value);
  }
  for (const [key, value] of toSearchParams(state.page)) out.set(key, value);
  return out;
}

/** A new filter starts again from the newest page (the cursor stack belonged to the old one). */
export function withFilter(state: AuditUrlState, filter: AuditFilter): AuditUrlState {
  return { filter, page: { ...state.page, cursor: undefined, prev: [] } };
}

/** The filter as the API's query parameters (for /api/audit and /api/audit/export). */
export function filterParams(filter: AuditFilter): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value) out.set(key, value);
  }
  return out;
}

/** `<input type="datetime-local">` value (the browser's local time, minutes) from an ISO time, and back. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
