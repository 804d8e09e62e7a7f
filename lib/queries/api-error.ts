import type { ErrorBody, ErrorCode } from '@/lib/errors/app-error';

/**
 * What a failed call to the console's own API throws in the browser: the ErrorBody the route sent, typed,
 * plus the HTTP status. `message` is always fit to show a user (the server wrote it for that).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  /** This app's request id (X-Request-ID), for the server log. */
  readonly requestId?: string;
  /** Fireblocks' X-Request-ID, to quote to Fireblocks support. */
  readonly fireblocksRequestId?: string;
  /** Dot-joined field path (e.g. `callbackHandler.url`) to a message. */
  readonly fields?: Record<string, string>;
  /** The change the error is about (the open change of a `change_open`, the recorded change of a failed send). */
  readonly changeId?: string;
  /** With `step_up_required`: where to sign in afresh and come back. */
  readonly stepUpUrl?: string;
  /** Seconds from the answer's `Retry-After` (a 429), when it had one. */
  readonly retryAfter?: number;

  constructor(status: number, body: ErrorBody['error'], retryAfter?: number) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fireblocksRequestId = body.fireblocksRequestId;
    this.fields = body.fields;
    this.changeId = body.changeId;
    this.stepUpUrl = body.stepUpUrl;
    this.retryAfter = retryAfter;
  }
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'change_open',
  'step_up_required',
  'own_change',
  'not_proposer',
  'change_stale',
  'change_not_awaiting',
  'cosigner_archived',
  'cosigner_version_too_old',
  'rate_limited',
  'upstream_throttled',
  'upstream_error',
  'upstream_timeout',
  'draining',
  'internal',
]);

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 504) return 'upstream_timeout';
  if (status === 502 || status === 503) return 'upstream_error';
  return 'internal';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out = Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A path on this origin (`/x`, not `//host` or `/\\host`), or undefined: the UI navigates to it. */
function sameOriginPath(v: unknown): string | undefined {
  const path = str(v);
  return path && /^\/(?![/\\])/.test(path) ? path : undefined;
}

/**
 * Turns a non-2xx answer into an ApiError. Tolerates bodies that are not an ErrorBody (a proxy's HTML error
 * page, an empty 502) so the UI always has a status, a code and a readable message.
 */
export function toApiError(
  status: number,
  body: unknown,
  headerRequestId?: string | null,
  retryAfterHeader?: string | null,
): ApiError {
  const e = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = e && typeof e.code === 'string' && CODES.has(e.code) ? (e.code as ErrorCode) : codeForStatus(status);
  const retryAfter = /^\d+$/.test(retryAfterHeader?.trim() ?? '') ? Number(retryAfterHeader) : undefined;
  return new ApiError(
    status,
    {
      code,
      message: str(e?.message) ?? `The console's server answered ${status}.`,
      requestId: str(e?.requestId) ?? headerRequestId ?? undefined,
      fireblocksRequestId: str(e?.fireblocksRequestId),
      fields: stringRecord(e?.fields),
      changeId: str(e?.changeId),
      stepUpUrl: sameOriginPath(e?.stepUpUrl),
    },
    retryAfter,
  );
}
