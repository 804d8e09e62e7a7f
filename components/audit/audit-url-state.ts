import {
  AUDIT_FILTER_KEYS,
  AUDIT_FILTER_LABELS,
  auditFilterSchema,
  type AuditFilter,
} from '@/lib/audit/audit-api-schemas';
import { readPageState, toSearchParams, type PageState } from '@/components/ui/pagination/page-state';

type FilterKey = (typeof AUDIT_FILTER_KEYS)[number];
/** The filter's parameters as the URL holds them: what was typed, valid or not. */
export type RawAuditFilter = Partial<Record<FilterKey, string>>;

/** Why the filter in the URL cannot be used: the field and the server's own rule, in words. */
export interface AuditFilterProblem {
  key: FilterKey;
  message: string;
}

/**
 * The /audit page's state in its URL: the filters under the API's own names (kind as its code, times as ISO UTC)
 * exactly as typed, the filter they make when the API's schema accepts them, else the problem that makes them
 * unusable; and the page as the other lists keep it (pageSize, cursor and the `prev` stack of the cursors before
 * it, so Previous works after a reload). Newest first is the only order.
 *
 *   /audit?kind=sign_in&actor=alice&cursor=c2&prev=,c1
 */
export interface AuditUrlState {
  raw: RawAuditFilter;
  /** The usable filter; `{}` while `problem` is set (nothing is read then). */
  filter: AuditFilter;
  problem: AuditFilterProblem | null;
  page: PageState;
}

type Params = Pick<URLSearchParams, 'get'>;

/** The filter a URL's parameters make, or the first problem with them (the same rule the server applies). */
function parseAuditFilter(raw: RawAuditFilter): Pick<AuditUrlState, 'filter' | 'problem'> {
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return { filter: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  const key = (AUDIT_FILTER_KEYS as readonly string[]).includes(String(issue?.path[0]))
    ? (issue?.path[0] as FilterKey)
    : 'kind';
  return { filter: {}, problem: { key, message: `${AUDIT_FILTER_LABELS[key]}: ${issue?.message ?? 'invalid'}` } };
}

export function readAuditUrlState(params: Params): AuditUrlState {
  const raw: RawAuditFilter = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  return { raw, ...parseAuditFilter(raw), page: { ...readPageState(params), order: 'DESC', q: '' } };
}

export function toAuditSearchParams(state: Pick<AuditUrlState, 'raw' | 'page'>): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = state.raw[key];
    if (value) out.set(key, value);
  }
  for (const [key, value] of toSearchParams(state.page)) out.set(key, value);
  return out;
}

/** A new filter (as typed) starts again from the newest page (the cursor stack belonged to the old one). */
export function withFilter(state: AuditUrlState, raw: RawAuditFilter): AuditUrlState {
  return { raw, ...parseAuditFilter(raw), page: { ...state.page, cursor: undefined, prev: [] } };
}

/** `<input type="datetime-local">` value (the browser's local time, minutes) from an ISO time, and back. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
